namespace NetworkFunctions.Local.Demo;

/// <summary>How a member answers one meeting's invitation.</summary>
public enum Answering
{
    /// <summary>Within seconds of the invitation.</summary>
    AtOnce,

    /// <summary>Only after the reminder.</summary>
    Late,

    /// <summary>At once, then again with a changed answer (the latest counts).</summary>
    ChangesMind,

    /// <summary>Not at all.</summary>
    Never,
}

/// <summary>How a member answers one meeting's survey.</summary>
public enum Evaluating
{
    AtOnce,
    AfterReminder,
    Never,
}

/// <summary>One contribution as the form takes it: <c>type</c>, <c>title</c>, <c>description</c>.</summary>
public sealed record DemoContribution(string Type, string Title, string Description);

/// <summary>An answer to the invitation form.</summary>
/// <remarks>
/// <see cref="Tried"/> and <see cref="TriedNote"/> answer about the commitment of the previous survey; the app takes them
/// only when the member made one.
/// </remarks>
public sealed record DemoInvitationAnswer(string Attendance, IReadOnlyList<DemoContribution> Contributions, string Tried = "", string TriedNote = "")
{
    public IEnumerable<KeyValuePair<string, string>> Fields() =>
        new[] { KeyValuePair.Create("attendance", Attendance), KeyValuePair.Create("tried", Tried), KeyValuePair.Create("triedNote", TriedNote) }
            .Concat(Contributions.SelectMany(c => new[]
            {
                KeyValuePair.Create("type", c.Type), KeyValuePair.Create("title", c.Title), KeyValuePair.Create("description", c.Description),
            }));
}

/// <summary>An answer to the survey form.</summary>
public sealed record DemoSurveyAnswer(int Usefulness, int Relations, int Courage, string Worked, string Improve, string NextThemes, string Commitment = "")
{
    public IEnumerable<KeyValuePair<string, string>> Fields() =>
    [
        KeyValuePair.Create("usefulness", Usefulness.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        KeyValuePair.Create("relations", Relations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        KeyValuePair.Create("courage", Courage.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        KeyValuePair.Create("worked", Worked),
        KeyValuePair.Create("improve", Improve),
        KeyValuePair.Create("nextThemes", NextThemes),
        KeyValuePair.Create("commitment", Commitment),
    ];
}

/// <summary>What one member does about one meeting: the first answer, the changed one (if any), and the survey.</summary>
public sealed record DemoTurn(int Member, int Meeting, Answering Answering, DemoInvitationAnswer First, DemoInvitationAnswer? Changed, Evaluating Evaluating, DemoSurveyAnswer Survey);

/// <summary>
/// The simulated members' year, decided up front from a fixed seed (the same every run): per meeting about twelve
/// answer at once, three only after the reminder, two change their answer, and three never answer (one of them, the
/// network's quiet member, never answers anything). Contributions are themes, cases, experiences and challenges in the
/// tone of Slagelse's network; at every meeting three members raise the same subject in different words, so the
/// agenda groups them. Survey ratings of new relations and courage rise over the year. Pure.
/// </summary>
public static class DemoScript
{
    /// <summary>The member who never answers anything (Ole Kristiansen in the sample).</summary>
    public const int QuietMember = 17;

    public static IReadOnlyList<DemoTurn> Plan(int members, int meetings, int seed = 2027)
    {
        var random = new Random(seed);

        // Commitments and how they went come from a generator of their own, so the rest of the script stays as it was.
        var committing = new Random(seed + 1);
        var turns = new List<DemoTurn>();
        var contributionsUsed = new HashSet<int>();
        for (int meeting = 1; meeting <= meetings; meeting++)
        {
            int[] order = Enumerable.Range(0, members).Where(m => m != QuietMember).OrderBy(_ => random.Next()).ToArray();
            var answering = new Dictionary<int, Answering>();
            for (int i = 0; i < order.Length; i++)
            {
                answering[order[i]] = i switch
                {
                    < 3 => Answering.Late,
                    < 5 => Answering.ChangesMind,
                    < 7 => Answering.Never,
                    _ => Answering.AtOnce,
                };
            }

            if (QuietMember < members)
            {
                answering[QuietMember] = Answering.Never;
            }

            // The same subject in three phrasings, from three members who answer (at once or late).
            int[] sameSubject = order.Where(m => answering[m] is Answering.AtOnce or Answering.Late).Take(3).ToArray();
            string[][] trio = SameSubjects[(meeting - 1) % SameSubjects.Length];
            for (int member = 0; member < members; member++)
            {
                Answering how = answering[member];
                var contributions = new List<DemoContribution>();
                int shared = Array.IndexOf(sameSubject, member);
                if (shared >= 0)
                {
                    contributions.Add(new DemoContribution(trio[shared][0], trio[shared][1], trio[shared][2]));
                }

                int extra = random.Next(10) switch { < 4 => 0, < 8 => 1, _ => 2 };
                for (int k = 0; k < extra && contributions.Count < 3; k++)
                {
                    contributions.Add(NextSingle(random, contributionsUsed));
                }

                string attendance = random.Next(10) switch { < 7 => "yes", < 9 => "maybe", _ => "no" };
                if (how == Answering.Late && attendance == "no")
                {
                    attendance = "yes";
                }

                DemoInvitationAnswer first = new(attendance, contributions);
                DemoInvitationAnswer? changed = null;
                if (how == Answering.ChangesMind)
                {
                    // Either a "maybe" that becomes a "yes" with one more contribution, or a "yes" that becomes a "no".
                    if (random.Next(2) == 0)
                    {
                        first = new DemoInvitationAnswer("maybe", contributions.Take(1).ToList());
                        changed = new DemoInvitationAnswer("yes", [.. contributions.Take(1), NextSingle(random, contributionsUsed)]);
                    }
                    else
                    {
                        first = new DemoInvitationAnswer("yes", contributions);
                        changed = new DemoInvitationAnswer("no", contributions);
                    }
                }

                Evaluating evaluating = member == QuietMember ? Evaluating.Never : random.Next(20) switch
                {
                    < 14 => Evaluating.AtOnce,
                    < 17 => Evaluating.AfterReminder,
                    _ => Evaluating.Never,
                };
                // About half commit to trying something; on the next invitation most say how it went.
                DemoSurveyAnswer survey = Survey(random, meeting, meetings) with { Commitment = committing.Next(2) == 0 ? Commitments[committing.Next(Commitments.Length)] : "" };
                (string tried, string note) = committing.Next(4) switch
                {
                    0 => ("", ""),
                    1 => ("partly", TriedNotes[committing.Next(TriedNotes.Length)]),
                    2 => ("no", ""),
                    _ => ("yes", TriedNotes[committing.Next(TriedNotes.Length)]),
                };
                if (meeting > 1)
                {
                    first = first with { Tried = tried, TriedNote = note };
                    changed = changed is null ? null : changed with { Tried = tried, TriedNote = note };
                }
                turns.Add(new DemoTurn(member, meeting, how, first, changed, evaluating, survey));
            }
        }

        return turns;
    }

    /// <summary>Usefulness stays high; new relations and courage to experiment grow from meeting to meeting.</summary>
    static DemoSurveyAnswer Survey(Random random, int meeting, int meetings)
    {
        double progress = meetings <= 1 ? 1 : (meeting - 1) / (double)(meetings - 1);
        int Rating(double from, double to) => Math.Clamp((int)Math.Round(from + ((to - from) * progress) + ((random.NextDouble() - 0.5) * 1.6)), 1, 5);
        string Pick(string[] texts, int emptyOutOf) => random.Next(emptyOutOf) == 0 ? "" : texts[random.Next(texts.Length)];
        return new DemoSurveyAnswer(
            Rating(3.6, 4.3),
            Rating(2.4, 4.4),
            Rating(2.2, 4.1),
            Pick(Worked, 4),
            Pick(Improve, 3),
            Pick(NextThemes, 3));
    }

    static DemoContribution NextSingle(Random random, HashSet<int> used)
    {
        if (used.Count == Singles.Length)
        {
            used.Clear();
        }

        int pick;
        do
        {
            pick = random.Next(Singles.Length);
        }
        while (!used.Add(pick));
        string[] s = Singles[pick];
        return new DemoContribution(s[0], s[1], s[2]);
    }

    /// <summary>Per meeting, one subject in three members' words (type, title, description).</summary>
    public static readonly string[][][] SameSubjects =
    [
        [
            ["theme", "Hvad betyder samskabelse i praksis?", "Vi bruger ordet hele tiden, men mener vi det samme? Jeg vil gerne have en fælles forståelse, før vi går i gang."],
            ["theme", "Samskabelse i praksis – hvad betyder det for os?", "I mit center er samskabelse blevet et buzzword. Hvad betyder det konkret, når vi står over for borgerne?"],
            ["experience", "Betyder samskabelse noget andet i praksis end på papiret?", "Vi har en fin strategi, men i hverdagen ligner det mest borgerinddragelse, som vi altid har lavet."],
        ],
        [
            ["theme", "Samarbejde med frivillige foreninger", "Hvordan kommer vi fra at bestille ydelser til at skabe noget sammen med foreningerne?"],
            ["experience", "Frivillige foreninger som samarbejdspartnere", "Vores samarbejde med idrætsforeningen i Korsør om bevægelse for ældre – hvad vi lærte af det."],
            ["case", "Samarbejdet med de frivillige foreninger", "Det hænger i en tynd tråd: én ildsjæl bærer det hele. Hvad gør vi, hvis hun stopper?"],
        ],
        [
            ["challenge", "Tid til samskabelse i en presset hverdag", "Samskabelse tager tid, og tiden er den første, der forsvinder, når sagerne hober sig op."],
            ["challenge", "Hvor er tiden til samskabelse?", "Mine ledere bakker op i ord, men ikke i timer. Hvordan prioriterer vi?"],
            ["theme", "Presset hverdag: ingen tid til samskabelse", "Vi skal tale om, hvad vi kan lade være med at gøre, så der bliver plads."],
        ],
        [
            ["case", "Tidlig inddragelse af borgerne i processen", "Lokalplanen i Skælskør: vi inddrog borgerne, da alt var besluttet. Hvordan gør vi det tidligere næste gang?"],
            ["theme", "Inddragelse af borgere tidligt i processen", "Hvornår er det tidligt nok? Og hvordan undgår vi at love mere, end vi kan holde?"],
            ["experience", "Borgernes inddragelse tidligt i processen", "Da vi inviterede forældrene med fra start i daginstitutionen, blev løsningen en helt anden – og bedre."],
        ],
        [
            ["theme", "Mod til at eksperimentere", "Hvordan skaber vi rum for at prøve noget, der måske ikke lykkes?"],
            ["challenge", "Hvordan får vi mod til at eksperimentere mere?", "Frygten for at fejle i offentligheden holder os tilbage. Hvad skal der til?"],
            ["experience", "Eksperimenter kræver mod – og opbakning", "Vores forsøg med åben rådgivning på biblioteket gik skævt første gang. Det lærte vi meget af."],
        ],
        [
            ["challenge", "Siloer mellem centrene", "Vi når langt alene, men borgernes problemer følger ikke vores organisationsdiagram."],
            ["challenge", "Når centrene arbejder i hver sin silo", "Eksempel: en familie med kontakt til fire centre og ingen, der har det samlede overblik."],
            ["theme", "Siloerne mellem vores centre – hvad nu?", "Hvad har netværket lært os om at arbejde på tværs, og hvordan holder vi fast i det?"],
        ],
    ];

    /// <summary>Contributions that stand on their own (type, title, description).</summary>
    static readonly string[][] Singles =
    [
        ["case", "Borgermøde om trafiksikkerhed ved skolen", "Forældrene kom med gode idéer, men vi manglede en plan for, hvad der skulle ske bagefter. Sparring ønskes."],
        ["experience", "Ungepanel i Slagelse", "Vi har haft et ungepanel i et år. De unge vil gerne – når det er konkret og ikke for langt fra deres hverdag."],
        ["challenge", "Jura og samskabelse – hvad må vi?", "Hver gang vi vil dele data eller opgaver med en forening, stopper det hos juristerne."],
        ["theme", "Ledelsens rolle i samskabelse", "Hvad skal vores ledere gøre anderledes, for at vi kan arbejde sådan her?"],
        ["case", "Fællesspisning på plejecentret", "Pårørende og frivillige vil gerne stå for fællesspisning, men hygiejnereglerne spænder ben."],
        ["experience", "Walk and talk med borgere i jobcentret", "Samtaler udenfor giver en anden relation end ved skrivebordet. Flere borgere åbner op."],
        ["theme", "Hvordan måler vi effekten af samskabelse?", "Politikerne spørger efter resultater. Hvilke tal og fortællinger giver mening?"],
        ["challenge", "Borgere, der aldrig kommer til møderne", "Det er altid de samme ressourcestærke borgere, der deltager. Hvordan når vi de andre?"],
        ["case", "Kulturhuset i Korsør som fælles rum", "Vi vil åbne huset for borgernes egne arrangementer. Hvordan deler vi ansvaret?"],
        ["experience", "Forældrecafé i dagtilbuddet", "En uformel café hver anden fredag har givet os mere dialog end ti forældremøder."],
        ["theme", "Digitale platforme til borgerdialog", "Kan en digital platform supplere møderne, uden at vi mister dem, der ikke er online?"],
        ["challenge", "Forventningsafstemning med borgerne", "Borgerne tror, at de bestemmer alt. Vi tror, at vi bare skal høre dem. Hvordan mødes vi?"],
        ["case", "Naturpleje med lodsejere og frivillige", "Et projekt om enge ved Tude Å, hvor lodsejere, frivillige og kommunen deler opgaverne."],
        ["experience", "Samskabelse i handicapområdet", "Brugerne var med til at designe vores nye aktivitetstilbud. Det tog længere tid, men holder bedre."],
        ["theme", "Sprog: taler vi borgernes sprog?", "Vores breve og invitationer er skrevet til kolleger, ikke til borgere."],
        ["challenge", "Skiftende kontaktpersoner", "Når medarbejdere skifter, forsvinder relationen til foreningerne. Hvordan gør vi det mindre sårbart?"],
        ["case", "Lektiecafé med pensionister", "Pensionerede lærere vil gerne hjælpe. Hvordan organiserer vi det uden at overtage det?"],
        ["experience", "Prøvehandlinger i det små", "Vi startede med én gade og én sommer. Det gjorde det lettere at sige ja."],
    ];

    static readonly string[] Worked =
    [
        "Casesparringen på tværs af centrene.",
        "At møde kolleger fra Teknik & Miljø, som jeg aldrig har talt med før.",
        "Udfordringsrunden – fra frustration til handlemuligheder.",
        "Konkrete eksempler fra de andre centre.",
        "Tid til at reflektere sammen uden at skulle levere noget bagefter.",
        "Direktørens velkomst gav mødet vægt.",
    ];

    static readonly string[] Improve =
    [
        "Mere tid til sparring i små grupper.",
        "Skarpere opsamling af, hvem der gør hvad.",
        "Send gerne materialet ud et par dage før.",
        "Færre punkter, så vi kan gå mere i dybden.",
    ];

    static readonly string[] Commitments =
    [
        "Invitere en forening med til vores næste borgermøde.",
        "Spørge en kollega fra et andet center til råds om en sag.",
        "Prøve et kort borgerpanel på fem personer.",
        "Skrive til de frivillige og spørge, hvad de savner fra os.",
        "Holde et møde ude hos borgerne i stedet for på rådhuset.",
    ];

    static readonly string[] TriedNotes =
    [
        "Det gik over forventning – de vil gerne igen.",
        "Svært at finde tiden, men en god snak kom der ud af det.",
        "Kollegaen havde præcis den erfaring, jeg manglede.",
        "Kun to mødte op, men de havde gode idéer.",
    ];

    static readonly string[] NextThemes =
    [
        "Frivillige i ældreplejen.",
        "Hvordan vi måler effekten af samskabelse.",
        "Samskabelse med unge.",
        "Ledelsens rolle.",
        "Hvordan vi deler erfaringer med resten af organisationen.",
    ];
}
