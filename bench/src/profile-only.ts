// `tsx src/profile-only.ts [contender ...]`: only the CPU profile section, printed, for working on the hot path.
import type { ContenderId } from "./contenders";
import { profileSection } from "./profile-report";
import { profileContender } from "./profile-runner";
import { startServerProcess } from "./server-handle";

const ids = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["ffc-full"]) as ContenderId[];
const server = await startServerProcess();
try {
  const profiles = [];
  for (const id of ids) profiles.push(await profileContender(id, server.generateUrl));
  console.log(profileSection(profiles));
} finally {
  await server.close();
}
