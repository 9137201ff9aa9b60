// Child process: a loop of calls of one contender under V8's sampling CPU profiler (the one
// `node --cpu-prof` uses), started after a warm-up so that module loading and JIT compilation
// stay out of the profile. Writes the .cpuprofile to the path it is given.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { benchAnswer, benchCounts } from "./bench-settings";
import { type ContenderId, createContender } from "./contenders";
import { isEntryPoint, reportToParent } from "./run-child";

if (isEntryPoint(import.meta.url)) {
  const [id, generateUrl, profilePath] = process.argv.slice(2) as [ContenderId, string, string];
  const contender = await createContender(id, { generateUrl, streamUrl: generateUrl });
  const loop = async (calls: number) => {
    for (let call = 0; call < calls; call += 1) {
      if ((await contender.generate()) !== benchAnswer) throw new Error(`${id} gave a wrong answer.`);
    }
  };
  const { warmupCalls, profileCalls } = benchCounts();
  await loop(warmupCalls);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  // 200 µs between samples, a little finer than --cpu-prof's default of 1 ms.
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  await loop(profileCalls);
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  writeFileSync(profilePath, JSON.stringify(profile));
  reportToParent({ id, calls: profileCalls });
}
