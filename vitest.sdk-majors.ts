import type { TestProjectInlineConfiguration } from "vitest/config";

/** One supported major of a vendor SDK, installed in the workspace under an npm alias. */
export interface SdkMajor {
  /** Project name shown by vitest, e.g. "openai@7". */
  name: string;
  /** The package name the provider's source imports, e.g. "openai". */
  sdk: string;
  /** The npm alias the workspace installs this major under; absent for the peer version installed as itself. */
  alias?: string;
  /** Lowest Node major this SDK major runs on (its `engines`). */
  minimumNode: number;
}

const nodeMajor = Number(process.versions.node.split(".")[0]);

/**
 * One vitest project per supported SDK major: the provider's own source (and so its client
 * construction, error classes and streaming) runs against that major, the way an app with that
 * major as the peer dependency runs it. A major whose `engines` exclude the running Node is left
 * out of the configuration (never skipped): the Node 24 run of `npm test` runs it.
 */
export function sdkMajorProjects(majors: SdkMajor[], include: string[]): TestProjectInlineConfiguration[] {
  return majors
    .filter((major) => nodeMajor >= major.minimumNode)
    .map((major) => ({
      extends: true,
      // The project's own SDK major, for the test that checks which SDK sent the requests.
      // Each major doubles the files in one run; first loads (the tokenizer's vocabulary) get slow
      // on a busy 2-core machine, so tests get 20 s rather than vitest's 5 s.
      test: { name: major.name, include, env: { FFC_SDK_UNDER_TEST: major.name }, testTimeout: 20_000 },
      resolve: {
        alias: major.alias
          ? [{ find: new RegExp(`^${escapeRegExp(major.sdk)}(/.*)?$`), replacement: `${major.alias}$1` }]
          : [],
      },
    }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
