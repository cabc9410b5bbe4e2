using System.Net;
using System.Net.Sockets;

namespace NetworkFunctions.Local;

/// <summary>
/// Free loopback ports below the operating system's ephemeral range (32768 and up on Linux), so a port picked
/// now cannot be handed to another listener's port 0 (the engine's own) before it is bound.
/// </summary>
public static class FreePorts
{
    const int From = 20000;
    const int To = 32000;

    /// <summary>The first of <paramref name="count"/> consecutive free ports.</summary>
    public static int Pick(int count = 1)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int first = Random.Shared.Next(From, To - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} free port(s) between {From} and {To}.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
