namespace NetworkFunctions.Office;

/// <summary>The roles that let someone manage a network in the console, in the order they are named when one person holds several.</summary>
public enum ConsoleRole
{
    Director,
    Consultant,
    Facilitator,
}
