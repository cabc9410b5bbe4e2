using NetworkFunctions.Networks;

namespace NetworkFunctions.Agenda;

/// <summary>
/// Assembles a meeting's time-boxed agenda from the members' contributions (SPEC section 2, step 4). Pure: no I/O, no
/// clock; the same input gives the same agenda.
/// <para>
/// The plan, in order: the director's welcome ("why this network matters", when <see cref="AgendaInput.DirectorWelcome"/>
/// is set, which callers do for the first meeting), check-in, expert input, theme blocks (themes and experiences,
/// grouped by <see cref="ThemeGrouping"/> when members raise the same subject), case sparring (one block per case), the
/// challenges slot "Fra frustration til handlemuligheder" (always there, with every challenge contribution, even when
/// there are none), and next steps and evaluation last. Meetings of two hours or more get a break at the item
/// boundary nearest the middle (never before the check-in, never after the next steps).
/// </para>
/// <para>
/// Time boxes are planned in whole minutes from the constants below. The fixed blocks are placed first (if a short
/// meeting cannot hold them, the expert input gives way). The variable blocks (a theme group of
/// <see cref="ThemeBlockMinutes"/>, a case of <see cref="CaseMinutes"/>) are then taken in priority order — bigger theme
/// groups first, then carried-over before new (oldest meeting first), then the earliest submission, then member id —
/// each one that still fits in the time left; those that do not fit go to <see cref="Agenda.NotFitted"/> (carried-over
/// candidates first, then in priority order), to be carried over to the next meeting. Time left over is handed out in
/// <see cref="LeftoverStepMinutes"/>-minute steps round the variable blocks in priority order (to the expert input when
/// there are none); what is left below one step goes to the next steps, which always end exactly at the meeting's end.
/// So the boxes tile the meeting: consecutive, no gaps, the first starting at its start and the last ending at its end.
/// </para>
/// <para>
/// Compressed meetings: tests and demos compress a year into minutes, so a meeting can last 30 seconds. A meeting
/// shorter than <see cref="CompressedBelow"/> is planned as a nominal day of <see cref="NominalCompressedMinutes"/>
/// minutes (a 3.5-hour half-day), and every boundary is mapped linearly onto the real span (minute m of the plan is
/// <c>Start + (End − Start) · m / 210</c>, in ticks), so the same contributions fit as in a real half-day and the boxes
/// still tile the real meeting exactly.
/// </para>
/// </summary>
public static class AgendaAssembler
{
    public const int DirectorWelcomeMinutes = 15;
    public const int CheckInMinutes = 15;
    public const int ExpertInputMinutes = 30;
    public const int ThemeBlockMinutes = 20;
    public const int BreakMinutes = 15;
    public const int CaseMinutes = 25;
    public const int ChallengesMinutes = 25;
    public const int NextStepsMinutes = 15;

    /// <summary>Leftover time is handed out in steps of this many minutes.</summary>
    public const int LeftoverStepMinutes = 5;

    /// <summary>Meetings of at least this many (nominal) minutes get a break.</summary>
    public const int BreakFromMinutes = 120;

    /// <summary>The length of the nominal half-day a compressed meeting is planned on.</summary>
    public const int NominalCompressedMinutes = 210;

    /// <summary>Meetings shorter than this are compressed (tests, demos).</summary>
    public static readonly TimeSpan CompressedBelow = TimeSpan.FromMinutes(90);

    /// <summary>Whether a meeting from <paramref name="start"/> to <paramref name="end"/> is planned as a compressed one.</summary>
    public static bool IsCompressed(DateTimeOffset start, DateTimeOffset end) => end - start < CompressedBelow;

    public static MeetingAgenda Assemble(AgendaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Candidates);
        ArgumentNullException.ThrowIfNull(input.Attendance);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.MeetingNumber, 1);
        if (input.End <= input.Start)
        {
            throw new ArgumentException("The meeting must end after it starts.", nameof(input));
        }

        if (input.Candidates.Any(c => c?.Contribution?.Title is null) || input.Attendance.Any(a => a is null))
        {
            throw new ArgumentException("Candidates (each with a titled contribution) and attendance entries must not be null.", nameof(input));
        }

        TimeSpan span = input.End - input.Start;
        bool compressed = IsCompressed(input.Start, input.End);
        int nominal = compressed ? NominalCompressedMinutes : (int)Math.Min(Math.Floor(span.TotalMinutes), int.MaxValue / 2);

        List<AgendaCandidate> candidates = input.Candidates.Order(CandidatePriority.Instance).ToList();
        List<Block> units = Units(candidates);

        var welcome = input.DirectorWelcome ? new Block(AgendaItemKind.DirectorWelcome, null, [], DirectorWelcomeMinutes) : null;
        var checkIn = new Block(AgendaItemKind.CheckIn, null, [], CheckInMinutes);
        var expert = new Block(AgendaItemKind.ExpertInput, null, [], ExpertInputMinutes);
        var challenges = new Block(
            AgendaItemKind.Challenges,
            null,
            candidates.Where(c => c.Contribution.Type == ContributionType.Challenge).ToList(),
            ChallengesMinutes);
        var nextSteps = new Block(AgendaItemKind.NextSteps, null, [], NextStepsMinutes);
        Block? pause = nominal >= BreakFromMinutes ? new Block(AgendaItemKind.Break, null, [], BreakMinutes) : null;

        int fixedMinutes = (welcome?.Minutes ?? 0) + checkIn.Minutes + expert.Minutes + challenges.Minutes + nextSteps.Minutes + (pause?.Minutes ?? 0);
        if (fixedMinutes > nominal)
        {
            // Only a real meeting of 90–99 minutes with the director's welcome: the expert input gives way (to 20 minutes at least).
            expert.Minutes -= fixedMinutes - nominal;
            fixedMinutes = nominal;
        }

        int available = nominal - fixedMinutes;
        var fitted = new List<Block>();
        var notFitted = new List<Block>();
        foreach (Block unit in units)
        {
            if (unit.Minutes <= available)
            {
                fitted.Add(unit);
                available -= unit.Minutes;
            }
            else
            {
                notFitted.Add(unit);
            }
        }

        int steps = available / LeftoverStepMinutes;
        if (fitted.Count > 0)
        {
            for (int i = 0; i < fitted.Count; i++)
            {
                fitted[i].Minutes += LeftoverStepMinutes * (steps / fitted.Count + (i < steps % fitted.Count ? 1 : 0));
            }
        }
        else
        {
            expert.Minutes += LeftoverStepMinutes * steps;
        }

        nextSteps.Minutes += available - steps * LeftoverStepMinutes;

        var plan = new List<Block>();
        if (welcome is not null)
        {
            plan.Add(welcome);
        }

        plan.Add(checkIn);
        plan.Add(expert);
        plan.AddRange(fitted.Where(b => b.Kind == AgendaItemKind.Themes));
        plan.AddRange(fitted.Where(b => b.Kind == AgendaItemKind.CaseSparring));
        plan.Add(challenges);
        plan.Add(nextSteps);
        if (pause is not null)
        {
            plan.Insert(BreakPosition(plan, nominal), pause);
        }

        var items = new List<AgendaItem>(plan.Count);
        int minute = 0;
        foreach (Block block in plan)
        {
            DateTimeOffset start = At(input, minute, nominal, compressed);
            minute += block.Minutes;
            DateTimeOffset end = block == plan[^1] ? input.End : At(input, minute, nominal, compressed);
            items.Add(new AgendaItem(start, end, block.Kind, block.GroupTitle, block.Contributions));
        }

        return new MeetingAgenda(
            input.MeetingNumber,
            input.Start,
            input.End,
            items,
            AttendanceByDepartment(input.Attendance),
            notFitted
                .SelectMany(b => b.Contributions)
                .OrderBy(c => c.FromMeeting < input.MeetingNumber ? 0 : 1)
                .ToList());
    }

    /// <summary>How the members of each department answered, departments in ordinal order (case-insensitive grouping).</summary>
    public static IReadOnlyList<DepartmentAttendance> AttendanceByDepartment(IEnumerable<AttendanceEntry> entries) =>
        entries
            .GroupBy(e => (e.Department ?? "").Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new DepartmentAttendance(
                g.Select(e => (e.Department ?? "").Trim()).Order(StringComparer.Ordinal).First(),
                g.Count(e => e.Answer == Attendance.Yes),
                g.Count(e => e.Answer == Attendance.Maybe),
                g.Count(e => e.Answer == Attendance.No),
                g.Count(e => e.Answer is null)))
            .OrderBy(d => d.Department, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Department, StringComparer.Ordinal)
            .ToList();

    /// <summary>Theme groups and cases, in priority order: bigger groups first, then by their first candidate's priority.</summary>
    static List<Block> Units(List<AgendaCandidate> sortedCandidates)
    {
        IEnumerable<Block> themes = ThemeGrouping
            .Group(sortedCandidates.Where(c => c.Contribution.Type is ContributionType.Theme or ContributionType.Experience))
            .Select(g => new Block(AgendaItemKind.Themes, g.Title, g.Candidates, ThemeBlockMinutes));
        IEnumerable<Block> cases = sortedCandidates
            .Where(c => c.Contribution.Type == ContributionType.Case)
            .Select(c => new Block(AgendaItemKind.CaseSparring, c.Contribution.Title.Trim(), [c], CaseMinutes));
        return themes.Concat(cases)
            .OrderByDescending(b => b.Contributions.Count)
            .ThenBy(b => b.Contributions[0], CandidatePriority.Instance)
            .ThenBy(b => b.Kind)
            .ToList();
    }

    /// <summary>Where the break goes: the boundary nearest the middle, after the check-in and before the next steps.</summary>
    static int BreakPosition(List<Block> plan, int nominal)
    {
        int first = plan.FindIndex(b => b.Kind == AgendaItemKind.CheckIn) + 1;
        int best = first;
        long bestDistance = long.MaxValue;
        for (int position = first; position < plan.Count; position++)
        {
            long start = plan.Take(position).Sum(b => (long)b.Minutes);
            long distance = Math.Abs(2 * start + BreakMinutes - nominal);
            if (distance < bestDistance)
            {
                best = position;
                bestDistance = distance;
            }
        }

        return best;
    }

    static DateTimeOffset At(AgendaInput input, int minute, int nominal, bool compressed) =>
        minute >= nominal ? input.End : new AgendaMinutes(input.Start, input.End).At(minute);

    sealed class Block(AgendaItemKind kind, string? groupTitle, IReadOnlyList<AgendaCandidate> contributions, int minutes)
    {
        public AgendaItemKind Kind { get; } = kind;

        public string? GroupTitle { get; } = groupTitle;

        public IReadOnlyList<AgendaCandidate> Contributions { get; } = contributions;

        public int Minutes { get; set; } = minutes;
    }
}
