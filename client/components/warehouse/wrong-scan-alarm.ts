let audio: AudioContext | null = null;

/**
 * A refused scan is heard and felt as well as seen: a short low double beep made with Web
 * Audio (no sound file to download) and a buzz where the phone can. Silent where neither exists.
 */
export function soundWrongScan(): void {
  navigator.vibrate?.([120, 60, 120]);
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const offset of [0, 0.18]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'square';
      tone.frequency.value = 220;
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.14);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.15);
    }
  } catch {
    // No audio output (or none allowed yet): the red message and the buzz still say it.
  }
}
