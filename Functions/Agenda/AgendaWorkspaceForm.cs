using System.Globalization;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Agenda;

/// <summary>
/// Reads the workspace form (plain HTML form fields) into <see cref="AgendaEdits"/> for the agenda it was shown for.
/// Fields, by block index <c>i</c> and contribution index <c>k</c> (<see cref="AgendaWorkspace.Contributions"/>):
/// <c>revision</c>, <c>position{i}</c>, <c>minutes{i}</c>, <c>title{i}</c>, <c>description{i}</c>, <c>merge{i}</c>,
/// <c>place{k}</c> (<c>b{j}</c>, <c>new</c>, <c>carry</c>, <c>drop</c>), <c>reason{k}</c>, <c>note</c> and
/// <c>action</c> (<c>approve</c> or <c>save</c>). Every error is reported under the field's id, its message a text key
/// (<c>workspace_error_*</c>).
/// </summary>
public static class AgendaWorkspaceForm
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 2000;
    public const int MaxNote = 2000;
    public const int MaxReason = 500;
    public const int MaxPosition = 99;

    /// <summary>The longest block in planning minutes: a whole day.</summary>
    public const int MaxMinutes = 24 * 60;

    public static (AgendaEdits? Edits, FieldErrors Errors) Read(IReadOnlyDictionary<string, StringValues> fields, MeetingAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(agenda);
        var errors = new FieldErrors();
        string? Field(string name) => fields.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

        int? Integer(string name, int min, int max, int? missing, string error = "workspace_error_number")
        {
            string? text = Field(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (missing is null)
                {
                    errors.Add(name, error);
                }

                return missing;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                errors.Add(name, error);
                return null;
            }

            return value;
        }

        string? Text(string name, int max, string error)
        {
            string? text = Field(name);
            if (text is not null && text.Length > max)
            {
                errors.Add(name, error);
            }

            return text;
        }

        int revision = Integer("revision", 0, int.MaxValue, missing: null, "workspace_error_revision") ?? -1;
        var blocks = new List<BlockEdit>(agenda.Items.Count);
        for (int i = 0; i < agenda.Items.Count; i++)
        {
            AgendaItem item = agenda.Items[i];
            int position = Integer($"position{i}", 1, MaxPosition, missing: i + 1) ?? i + 1;
            int minutes = Integer($"minutes{i}", 0, MaxMinutes, missing: AgendaWorkspace.Minutes(agenda, item)) ?? 0;
            string? title = AgendaWorkspace.Titled(item.Kind) ? Text($"title{i}", MaxTitle, "workspace_error_title") ?? item.GroupTitle : item.GroupTitle;
            string? description = item.Kind == AgendaItemKind.ExpertInput ? Text($"description{i}", MaxDescription, "workspace_error_description") ?? item.Description : item.Description;
            int? merge = null;
            if (item.Kind == AgendaItemKind.Themes && Field($"merge{i}") is { Length: > 0 } target)
            {
                merge = int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out int j) && j != i && j < agenda.Items.Count && agenda.Items[j].Kind == AgendaItemKind.Themes
                    ? j
                    : null;
                if (merge is null)
                {
                    errors.Add($"merge{i}", "workspace_error_merge");
                }
            }

            blocks.Add(new BlockEdit(position, minutes, title, description, merge));
        }

        IReadOnlyList<AgendaCandidate> contributions = AgendaWorkspace.Contributions(agenda);
        var placements = new List<Placement>(contributions.Count);
        for (int k = 0; k < contributions.Count; k++)
        {
            (string current, string? currentReason) = Current(agenda, k, contributions[k]);
            string? place = Field($"place{k}")?.Trim() ?? current;
            string? reason = Text($"reason{k}", MaxReason, "workspace_error_reason_length") ?? currentReason;
            Placement? placement = place switch
            {
                "new" => new Placement(PlacementKind.NewBlock),
                "carry" => new Placement(PlacementKind.CarriedOver),
                "drop" when !string.IsNullOrWhiteSpace(reason) => new Placement(PlacementKind.Dropped, Reason: reason.Trim()),
                ['b', .. string number] when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int j) && j < agenda.Items.Count
                    => new Placement(PlacementKind.Block, j),
                _ => null,
            };
            if (placement is null)
            {
                errors.Add(place == "drop" ? $"reason{k}" : $"place{k}", place == "drop" ? "workspace_error_reason" : "workspace_error_place");
            }

            placements.Add(placement ?? new Placement(PlacementKind.CarriedOver));
        }

        string? note = Text("note", MaxNote, "workspace_error_note") ?? agenda.Note;
        bool approve = Field("action") == "approve";
        return errors.IsEmpty ? (new AgendaEdits(revision, blocks, placements, note, approve), errors) : (null, errors);
    }

    /// <summary>Where contribution <paramref name="k"/> is now, as the form writes it (a field left out keeps it there).</summary>
    static (string Place, string? Reason) Current(MeetingAgenda agenda, int k, AgendaCandidate candidate)
    {
        int inBlocks = agenda.Items.Sum(i => i.Contributions.Count);
        if (k < inBlocks)
        {
            int block = agenda.Items.Select((item, i) => (item, i)).First(x => x.item.Contributions.Contains(candidate)).i;
            return ($"b{block}", null);
        }

        return k < inBlocks + agenda.NotFitted.Count
            ? ("carry", null)
            : ("drop", agenda.Dropped?.FirstOrDefault(d => d.Candidate == candidate)?.Reason);
    }
}
