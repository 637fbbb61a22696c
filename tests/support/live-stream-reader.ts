/** Reads a live tracking stream until its first `tracking` event has arrived (the view on connect). */
export async function readUntilFirstEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let text = '';
  while (!text.includes('event: tracking')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended before its first event');
    text += new TextDecoder().decode(value);
  }
}
