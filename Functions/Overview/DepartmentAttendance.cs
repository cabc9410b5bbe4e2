using NetworkFunctions.Networks;
using NetworkFunctions.Reports;

namespace NetworkFunctions.Overview;

/// <summary>
/// Attendance by department: per department (the organisation's list in its order, then departments only members
/// have) how many members came to each meeting — by the minutes' register where the preparers kept one, else by the
/// yes answers. The chart and the table of the dashboard show these numbers.
/// </summary>
public sealed record DepartmentAttendance(IReadOnlyList<int> MeetingNumbers, IReadOnlyList<bool> Cancelled, IReadOnlyList<DepartmentCounts> Departments)
{
    public int TotalOf(int meetingIndex) => Departments.Sum(d => d.Yes[meetingIndex]);

    public static DepartmentAttendance Of(Network network, IReadOnlyList<MeetingSnapshot> meetings)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(meetings);
        var index = new DepartmentIndex(network);
        var counts = index.Names.ToDictionary(d => d, _ => new int[network.Meetings.Count], StringComparer.Ordinal);
        for (int i = 0; i < network.Meetings.Count; i++)
        {
            MeetingSnapshot? snapshot = meetings.FirstOrDefault(s => s.Number == network.Meetings[i].Number);
            if (network.Meetings[i].Cancelled || snapshot is null)
            {
                continue;
            }

            foreach (string memberId in snapshot.Attended)
            {
                if (index.Of(memberId) is { } department)
                {
                    counts[department][i]++;
                }
            }
        }

        var missing = new HashSet<string>(network.MissingDepartments, StringComparer.OrdinalIgnoreCase);
        return new DepartmentAttendance(
            network.Meetings.Select(m => m.Number).ToList(),
            network.Meetings.Select(m => m.Cancelled).ToList(),
            index.Names.Select(d => new DepartmentCounts(d, counts[d], missing.Contains(d))).ToList());
    }
}

/// <summary>One department's attendance per meeting (register, else yes-answers; in the network's meeting order); <see cref="Missing"/> when no member comes from it.</summary>
public sealed record DepartmentCounts(string Department, IReadOnlyList<int> Yes, bool Missing)
{
    public int Total => Yes.Sum();
}
