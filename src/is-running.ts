/**
 * Whether a process runs: how a run tells the leftovers of a killed process (staging and check folders
 * named by pid) from those of one still at work.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
