using Microsoft.Extensions.Primitives;
using NetworkFunctions.Agenda;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Unit.Agenda.AgendaFixtures;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>The workspace form's fields read into edits, or every error under the id of its field.</summary>
public sealed class AgendaWorkspaceFormTests
{
    /// <summary>Check-in, expert input, two theme blocks, a case, challenges, next steps (compressed, 42 s).</summary>
    static readonly MeetingAgenda Agenda = AgendaAssembler.Assemble(Input(TimeSpan.FromHours(3.5),
        [Theme("a", "Frivillige i ældreplejen"), Theme("b", "Digitale borgermøder"), Case("c", "Skoleveje")]));

    static int Block(AgendaItemKind kind, int skip = 0) => Agenda.Items.Select((item, i) => (item, i)).Where(x => x.item.Kind == kind).Skip(skip).First().i;

    static (AgendaEdits? Edits, FieldErrors Errors) Read(params (string Name, string Value)[] fields) =>
        AgendaWorkspaceForm.Read(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value)), Agenda);

    [Fact]
    public void Missing_fields_keep_what_the_agenda_has_and_the_action_decides_approval()
    {
        (AgendaEdits? edits, FieldErrors errors) = Read(("revision", "0"), ("action", "approve"));

        Assert.True(errors.IsEmpty);
        Assert.True(edits!.Approve);
        Assert.Same(Agenda, AgendaWorkspace.Apply(Agenda, edits with { Approve = false }, "facilitator", Start));
    }

    [Fact]
    public void Every_error_is_reported_under_its_field()
    {
        int themes = Block(AgendaItemKind.Themes);
        int caseBlock = Block(AgendaItemKind.CaseSparring);
        (AgendaEdits? edits, FieldErrors errors) = Read(
            ("minutes0", "lots"),
            ("position1", "0"),
            ($"title{Block(AgendaItemKind.ExpertInput)}", new string('x', 121)),
            ($"merge{themes}", caseBlock.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("place0", "drop"),
            ("reason0", " "),
            ("place1", "b99"),
            ("place2", "elsewhere"),
            ("note", new string('n', 2001)));

        Assert.Null(edits);
        Assert.Equal(
            [$"merge{themes}", "minutes0", "note", "place1", "place2", "position1", "reason0", "revision", $"title{Block(AgendaItemKind.ExpertInput)}"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["workspace_error_reason"], errors.ToDictionary()["reason0"]);
        Assert.Equal(["workspace_error_revision"], errors.ToDictionary()["revision"]);
    }

    [Fact]
    public void Places_read_as_a_block_a_new_block_carry_over_or_a_drop_with_its_reason()
    {
        int second = Block(AgendaItemKind.Themes, skip: 1);
        (AgendaEdits? edits, _) = Read(("revision", "3"), ("place0", $"b{second}"), ("place1", "new"), ("place2", "drop"), ("reason2", " Tages op i ledergruppen "));

        Assert.Equal(3, edits!.Revision);
        Assert.Equal(
            [new Placement(PlacementKind.Block, second), new Placement(PlacementKind.NewBlock), new Placement(PlacementKind.Dropped, Reason: "Tages op i ledergruppen")],
            edits.Placements);
    }
}
