/**
 * JSON text made safe to sit inside an HTML `<script type="application/json">` block. Only `<`
 * can end the block (`</script>`) or open a comment (`<!--`) that changes how the parser reads
 * on; `>` and `&` go too for good measure, and U+2028/U+2029 for readers that eval JSON as
 * script. Each becomes its `\uXXXX` escape, which can only occur inside a JSON string, so
 * JSON.parse reads back exactly the same value.
 */
export function jsonForScriptBlock(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
