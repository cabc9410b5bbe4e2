// Records the versioning fixture: a network-year started on the current build and stopped half-way, with the
// storage it left behind (Azurite's data folder: the task hub's history, queues and timers, the documents, the
// mailbox). VersioningTests restarts that folder on the build under test and expects the year to complete.
// Record a new one (a new folder, keep the old ones) whenever a release changes an orchestrator.
// Usage (from the repository root): node Functions.Tests/SystemTests/Versioning/record-fixture.mjs [NAME]
import { spawn, execSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.cwd();
const commit = execSync("git describe --always --dirty").toString().trim();
const name = process.argv[2] ?? `recorded-${commit}`;
const target = join(root, "Functions.Tests", "SystemTests", "Versioning", "Fixtures", name);
const data = mkdtempSync(join(tmpdir(), "networkfunctions-record-"));
const port = 7391;
const azuritePort = 10391;
const taskHub = "VersioningFixture";
const key = "local-function-key";
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, probe, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const api = (path, init = {}) => fetch(base + path, { ...init, headers: { "x-functions-key": key, ...(init.headers ?? {}) } });
const mailbox = async () => (await api("/dev/mailbox/messages")).json();

// Two meetings of four members: meeting 1 invites at once (its steps are seconds apart), meeting 2 waits on a timer.
const sample = JSON.parse(readFileSync(join(root, "samples", "slagelse-2027.json"), "utf8"));
// The year's times count from the kickoff, once the host is up (building and starting it can take a minute).
let now = Date.now();
const at = (seconds) => new Date(now + seconds * 1000).toISOString();
const yearDocument = () => ({
  ...sample,
  networkId: `versioning-${commit}`,
  members: sample.members.slice(0, 4),
  meetings: [
    { ...sample.meetings[0], start: at(40), end: at(50) },
    { ...sample.meetings[1], start: at(100), end: at(110) },
  ],
  schedule: {
    invitationLead: "PT40S",
    contributionDeadlineLead: "PT20S",
    reminderLeads: ["PT10S"],
    finalAgendaLead: "PT10S",
    surveyDelay: "PT2S",
    surveyOpenFor: "PT20S",
    surveyReminderAfter: "PT10S",
  },
});

// The host itself, not `dotnet run`, so that SIGINT reaches it and it stops the engine and Azurite cleanly.
execSync("dotnet build Functions.Local -v quiet -nologo", { stdio: "inherit" });
const host = spawn("dotnet", [join(root, "Functions.Local", "bin", "Debug", "net10.0", "NetworkFunctions.Local.dll"),
  "--port", String(port), "--data", data, "--azurite-port", String(azuritePort), "--task-hub", taskHub], { stdio: ["ignore", "ignore", "inherit"] });
const step = (text) => console.log(`[record] +${Math.round((Date.now() - now) / 1000)} s: ${text}`);
try {
  await until("the local host", async () => (await fetch(`${base}/api/health`)).ok, 300);

  now = Date.now();
  const document = yearDocument();
  step("kickoff");
  const kickoff = await api("/api/networks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(document) });
  if (kickoff.status !== 202) throw new Error(`kickoff answered ${kickoff.status}: ${await kickoff.text()}`);

  const invitations = await until("meeting 1's invitations", async () => {
    const mails = (await mailbox()).filter((m) => m.subject.startsWith("Invitation") && m.subject.includes("møde 1") && m.text.includes("/api/forms/"));
    return mails.length >= document.members.length ? mails : undefined;
  });

  step(`${invitations.length} invitations; two members answer`);
  // Two members answer; the other two stay silent (they get the reminder after the restart).
  const answered = [];
  for (const [i, member] of document.members.slice(0, 2).entries()) {
    const mail = invitations.find((m) => m.to.includes(member.email));
    const link = mail.text.match(/https?:\/\/\S+\/api\/forms\/[A-Za-z0-9_.\-]+/)[0];
    const title = `Optaget før genstart ${i + 1}`;
    const form = new URLSearchParams({ attendance: "yes", type: "theme", title, description: "Skrevet på den gamle version" });
    const posted = await fetch(link, { method: "POST", body: form });
    if (posted.status !== 200) throw new Error(`form answered ${posted.status}`);
    answered.push({ email: member.email, title });
  }

  step("moving meeting 2");
  // Move meeting 2 by a minute: a change event in the history of a waiting meeting orchestration.
  const moved = { start: at(160), end: at(170) };
  const patch = await api(`/api/networks/${document.networkId}/meetings/2`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(moved) });
  if (patch.status >= 300) throw new Error(`PATCH answered ${patch.status}: ${await patch.text()}`);
  await until("meeting 2's revision 1", async () => {
    const status = await (await api(`/api/networks/${document.networkId}`)).json();
    return status.meetings.find((m) => m.number === 2)?.revision === 1;
  });
  await sleep(2000);

  step("stopping the host");
  host.kill("SIGINT");
  await new Promise((resolve) => host.once("exit", resolve));

  rmSync(target, { recursive: true, force: true });
  cpSync(data, target, { recursive: true });
  writeFileSync(join(target, "fixture.json"), JSON.stringify({
    recordedAt: new Date().toISOString(),
    commit,
    taskHub,
    networkId: document.networkId,
    director: document.director.email,
    members: document.members.map((m) => m.email),
    answered,
    movedMeeting: 2,
  }, null, 2) + "\n");
  console.log(`recorded ${target}`);
} finally {
  if (host.exitCode === null) host.kill("SIGINT");
  rmSync(data, { recursive: true, force: true });
}
