// Turns a kickoff document into a compressed year that starts now: every meeting moves to the near future,
// a few seconds long, and the schedule is measured in seconds, so the whole cycle runs in minutes.
// Usage: node samples/compress.mjs samples/slagelse-2027.json [secondsBetweenMeetings] > /tmp/compressed.json
import { readFileSync } from "node:fs";

const [file, gapArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node samples/compress.mjs KICKOFF.json [secondsBetweenMeetings]");
  process.exit(2);
}

const gap = Number(gapArg ?? 90);
const doc = JSON.parse(readFileSync(file, "utf8"));
const now = Date.now();
const lead = Math.round(gap * 0.6);
doc.networkId = `${(doc.networkId ?? "network").slice(0, 48)}-${Math.floor(now / 1000) % 1000000}`;
doc.meetings = doc.meetings.map((meeting, i) => {
  const start = new Date(now + (lead + 10 + i * gap) * 1000);
  const end = new Date(start.getTime() + Math.round(gap * 0.2) * 1000);
  return { ...meeting, start: start.toISOString(), end: end.toISOString() };
});
doc.schedule = {
  invitationLead: `PT${lead + 10}S`,
  contributionDeadlineLead: `PT${Math.round(gap * 0.3)}S`,
  reminderLeads: [`PT${Math.round(gap * 0.15)}S`],
  finalAgendaLead: `PT${Math.round(gap * 0.15)}S`,
  surveyDelay: "PT2S",
  surveyOpenFor: `PT${Math.round(gap * 0.4)}S`,
  surveyReminderAfter: `PT${Math.round(gap * 0.2)}S`,
};
process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
