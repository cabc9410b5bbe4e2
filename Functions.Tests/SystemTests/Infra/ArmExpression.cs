using System.Globalization;
using System.Text;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>A parsed ARM template language expression (the text between the brackets of "[...]").</summary>
public abstract record ArmExpression
{
    /// <summary>Parses an expression such as <c>format('{0}', parameters('name'))</c>.</summary>
    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text);
        ArmExpression expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>True when a JSON string value of a template is an expression ("[...]" but not the "[[" escape).</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && value[1] != '[';
}

public sealed record StringLiteral(string Value) : ArmExpression
{
    public override string ToString() => "'" + Value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

public sealed record NumberLiteral(long Value) : ArmExpression
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record FunctionCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}

public sealed record PropertyAccess(ArmExpression Target, string Property) : ArmExpression
{
    public override string ToString() => $"{Target}.{Property}";
}

public sealed record IndexAccess(ArmExpression Target, ArmExpression Index) : ArmExpression
{
    public override string ToString() => $"{Target}[{Index}]";
}

file sealed class Parser(string text)
{
    int position;

    public ArmExpression ParseExpression()
    {
        SkipWhitespace();
        ArmExpression expression = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('.'))
            {
                expression = new PropertyAccess(expression, ParseIdentifier());
            }
            else if (TryConsume('['))
            {
                ArmExpression index = ParseExpression();
                SkipWhitespace();
                Expect(']');
                expression = new IndexAccess(expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    public void ExpectEnd()
    {
        SkipWhitespace();
        if (position != text.Length)
        {
            throw Error("end of expression");
        }
    }

    ArmExpression ParsePrimary()
    {
        if (position >= text.Length)
        {
            throw Error("a value");
        }

        char c = text[position];
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '-' || char.IsDigit(c))
        {
            int start = position++;
            while (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }

            return new NumberLiteral(long.Parse(text[start..position], CultureInfo.InvariantCulture));
        }

        string name = ParseIdentifier();
        SkipWhitespace();
        Expect('(');
        var arguments = new List<ArmExpression>();
        SkipWhitespace();
        if (!TryConsume(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryConsume(','));
            Expect(')');
        }

        return new FunctionCall(name, arguments);
    }

    StringLiteral ParseString()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                throw Error("closing quote");
            }

            char c = text[position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (position < text.Length && text[position] == '\'')
            {
                value.Append('\'');
                position++;
            }
            else
            {
                return new StringLiteral(value.ToString());
            }
        }
    }

    string ParseIdentifier()
    {
        int start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
        {
            position++;
        }

        // A user-defined function has a namespace: "__bicep.name(".
        if (position < text.Length && text[position] == '.' && start < position && text[start] == '_')
        {
            position++;
            return text[start..(position - 1)] + "." + ParseIdentifier();
        }

        return start == position ? throw Error("an identifier") : text[start..position];
    }

    void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    bool TryConsume(char c)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"'{c}'");
        }
    }

    FormatException Error(string expected) =>
        new($"Expected {expected} at {position} in ARM expression: {text}");
}
