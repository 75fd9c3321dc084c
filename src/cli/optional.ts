/** Commands contributed by features (report check, calendar), added when present. */
import type { Command } from 'commander';

export async function optionalCommands(): Promise<Command[]> {
  return [];
}
