/** `<context`, `</context`, `< / CONTEXT` ...: any spelling a model could read as the tag. */
const contextTag = /<(\s*\/?\s*)(context)/gi;

/**
 * One `<context name="key">value</context>` block of a prompt. The value is escaped always, not
 * only when it is marked untrusted: text such as `</context><context name="system">` inside a
 * value must not close its block or forge another one. The key is escaped the same way.
 */
export function contextBlock(key: string, text: string): string {
  const safeKey = key.replace(/"/g, "'").replace(/[<>\r\n]/g, (character) => keyEscapes[character]!);
  return `<context name="${safeKey}">\n${escapeContextTags(text)}\n</context>\n\n`;
}

const keyEscapes: Record<string, string> = { "<": "&lt;", ">": "&gt;", "\r": " ", "\n": " " };

/** Turns every context tag inside `text` into `&lt;context` / `&lt;/context`, harmless to models. */
export function escapeContextTags(text: string): string {
  return text.replace(contextTag, "&lt;$1$2");
}
