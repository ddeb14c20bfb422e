// npm run bench (first part): what `npm create custom-llm` costs a user before anything runs, and its first
// run. The packed tarball installed into an empty project with an empty npm cache: MB on disk, and seconds
// beside the tarball packed from commit a0eff4b (before the declaration snapshot), in alternating runs;
// then a cold `create-custom-llm --spec … --yes --dry-run` from that install beside `tsc --noEmit`
// (TypeScript 5.9) of the same output. Prints and records ratios; asserts nothing.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median, record, row, RUNS, timeProcess } from "./measure.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const BASELINE = "a0eff4b";
const INSTALL_RUNS = Number(process.env.BENCH_INSTALL_RUNS ?? 3);
const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function pack(dir: string, dest: string): string {
  const [info] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], dir)) as { filename: string }[];
  return join(dest, info!.filename);
}

/**
 * The tarball of commit a0eff4b, built once and kept in the OS temp dir between bench runs (its `npm ci`
 * and build take minutes); its install is measured in every run.
 */
function baselineTarball(): string {
  const cache = join(tmpdir(), `create-custom-llm-bench-${BASELINE}`);
  const tarball = join(cache, "baseline.tgz");
  if (existsSync(tarball)) return tarball;
  mkdirSync(cache, { recursive: true });
  const src = join(cache, "src");
  rmSync(src, { recursive: true, force: true });
  run("git", ["worktree", "add", "--detach", src, BASELINE], repo);
  try {
    run("npm", ["ci", ...quiet], src);
    run("npm", ["run", "build"], src);
    copyFileSync(pack(src, cache), tarball);
  } finally {
    run("git", ["worktree", "remove", "--force", src], repo);
  }
  return tarball;
}

/** An empty project and an empty npm cache, both new: what a first `npm create` meets. */
function installFresh(tarball: string, into: string): { ms: number; project: string } {
  const project = mkdtempSync(join(into, "project-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "bench-project", private: true }));
  const cache = mkdtempSync(join(into, "cache-"));
  const t = performance.now();
  run("npm", ["install", "--cache", cache, ...quiet, tarball], project);
  const ms = performance.now() - t;
  rmSync(cache, { recursive: true, force: true });
  return { ms, project };
}

/** node_modules size in MB (10^6 bytes): the bytes of its files, and the blocks they take on disk. */
function size(dir: string): { apparent: number; disk: number } {
  const bytes = Number(run("du", ["-s", "-B1", "--apparent-size", dir], dir).split("\t")[0]);
  const blocks = Number(run("du", ["-s", "-B1", dir], dir).split("\t")[0]);
  return { apparent: bytes / 1e6, disk: blocks / 1e6 };
}

const work = mkdtempSync(join(tmpdir(), "create-custom-llm-bench-install-"));
const inRepo = mkdtempSync(join(repo, ".tmp-bench-install-"));
try {
  const ours = pack(repo, work);
  const baseline = baselineTarball();
  const times = { ours: [] as number[], baseline: [] as number[] };
  let installed = "";
  let baselineSize: { apparent: number; disk: number } | undefined;
  for (let i = 0; i < INSTALL_RUNS; i++) {
    // Alternating, so that a slow spell of the network or the disk falls on both.
    const mine = installFresh(ours, work);
    times.ours.push(mine.ms);
    if (installed) rmSync(mine.project, { recursive: true, force: true });
    else installed = mine.project;
    const theirs = installFresh(baseline, work);
    times.baseline.push(theirs.ms);
    baselineSize ??= size(join(theirs.project, "node_modules"));
    rmSync(theirs.project, { recursive: true, force: true });
  }
  const mb = size(join(installed, "node_modules"));
  const oursMs = median(times.ours);
  const baseMs = median(times.baseline);
  console.log(`npm install of the packed tarball, empty project, empty cache, median of ${INSTALL_RUNS}, Node ${process.version}\n`);
  row(`baseline: the tarball of ${BASELINE}`, baseMs, `${baselineSize!.apparent.toFixed(0)} MB (${baselineSize!.disk.toFixed(0)} MB of disk blocks)`);
  row("this tarball", oursMs, `${(oursMs / baseMs).toFixed(2)}x  ${mb.apparent.toFixed(0)} MB (${mb.disk.toFixed(0)} MB of disk blocks)`);
  record({ figure: "install: MB on disk (file bytes; disk blocks)", measured: `${mb.apparent.toFixed(1)} MB; ${mb.disk.toFixed(1)} MB`, target: "<= 60 MB", met: mb.apparent <= 60 });
  record({ figure: `install: seconds beside ${BASELINE}'s tarball`, measured: `${(oursMs / 1000).toFixed(1)} s / ${(baseMs / 1000).toFixed(1)} s = ${(oursMs / baseMs).toFixed(2)}x`, target: "<= 0.5x", met: oursMs / baseMs <= 0.5 });

  // The cold run: the installed bin, the whole pipeline but the write, beside tsc of what it writes.
  const bin = join(installed, "node_modules/create-custom-llm/dist/src/cli/main.js");
  const spec = join(repo, "examples/acme.json");
  const out = join(inRepo, "acme-llm"); // inside this repo: tsc resolves @langchain/core from our node_modules
  timeProcess(process.execPath, [bin, out, "--spec", spec, "--yes"], { cwd: installed });
  const tsc = join(repo, "node_modules/typescript/bin/tsc");
  const cli: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(timeProcess(process.execPath, [bin, join(installed, "dry"), "--spec", spec, "--yes", "--dry-run"], { cwd: installed }));
    check.push(timeProcess(process.execPath, [tsc, "--noEmit", "-p", out]));
  }
  const [cliMs, tscMs] = [median(cli), median(check)];
  console.log(`\ncold runs, median of ${RUNS}, alternating\n`);
  row("baseline: tsc --noEmit (TypeScript 5.9) of the output", tscMs, "= 1.00x");
  row("create-custom-llm <dir> --spec examples/acme.json --yes --dry-run (installed)", cliMs, `${(cliMs / tscMs).toFixed(2)}x tsc`);
  record({ figure: "cold --spec --dry-run, beside tsc --noEmit", measured: `${cliMs.toFixed(0)} ms / ${tscMs.toFixed(0)} ms = ${(cliMs / tscMs).toFixed(2)}x`, target: "<= 1.2x", met: cliMs / tscMs <= 1.2 });
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(inRepo, { recursive: true, force: true });
}
