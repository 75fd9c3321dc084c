/**
 * robots.txt as the external link checker reads it (RFC 9309): the group for our user agent, or
 * else the group for "*"; the longest matching Allow/Disallow rule wins, Allow on a tie; "*" and a
 * final "$" in a rule are understood. An unreadable or missing file allows everything.
 */

export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

/** The rules of `robotsTxt` that apply to the product token `agent` (e.g. gongkai-linkcheck). */
export function robotsRulesFor(robotsTxt: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  type Group = { agents: string[]; allow: string[]; disallow: string[] };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of robotsTxt.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], allow: [], disallow: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' && value) current.allow.push(value);
    if (field === 'disallow' && value) current.disallow.push(value);
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  return { allow: chosen.flatMap((g) => g.allow), disallow: chosen.flatMap((g) => g.disallow) };
}

/** Length of the match of rule `pattern` at the start of `path`, or -1. */
function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = new RegExp(`^${body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}${anchored ? '$' : ''}`);
  return regex.test(path) ? body.length : -1;
}

/** Whether the rules let us request `path` (path and query of the address). */
export function robotsAllows(rules: RobotsRules, path: string): boolean {
  let best = -1;
  let allowed = true;
  for (const rule of rules.allow) {
    const n = matchLength(rule, path);
    if (n > best || (n === best && n >= 0)) {
      best = n;
      allowed = true;
    }
  }
  for (const rule of rules.disallow) {
    const n = matchLength(rule, path);
    if (n > best) {
      best = n;
      allowed = false;
    }
  }
  return allowed;
}
