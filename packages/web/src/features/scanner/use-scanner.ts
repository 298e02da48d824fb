// The camera side of scanning: opens the rear camera, reads QR codes from its
// frames a few times a second, offers the torch where the camera has one, and
// says plainly why the camera is not available when it is not.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { loadQrReader } from './zxing-loader';

export type CameraStatus =
  | 'starting'
  | 'scanning'
  | 'paused'
  /** Permission refused by the person or by the browser's policy. */
  | 'denied'
  | 'no-camera'
  /** Another app holds the camera, or it failed to start. */
  | 'busy'
  /** No getUserMedia: an insecure origin or an old browser. */
  | 'unsupported'
  | 'decoder-failed';

export interface ScannerCamera {
  status: CameraStatus;
  torch: { available: boolean; on: boolean; toggle(): void };
  /** Starts again after a failure (a second chance to grant permission, a decoder fetched again). */
  retry(): void;
}

/** Frames are read this often: quick enough to feel instant, slow enough to leave a phone's CPU for the page. */
const READ_INTERVAL_MS = 150;

// The rear camera on a phone; a laptop's only camera otherwise (`ideal`, not `exact`).
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

// `torch` is in the W3C Image Capture spec but not yet in TypeScript's DOM library.
type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

/**
 * Scans while `active`: each text read from a QR code goes to `onText` (every
 * frame that shows it: the caller removes repeats).
 */
export function useScanner(
  videoRef: RefObject<HTMLVideoElement | null>,
  active: boolean,
  onText: (text: string) => void,
): ScannerCamera {
  const [status, setStatus] = useState<CameraStatus>('starting');
  const [torchAvailable, setTorchAvailable] = useState(false);
  const [torchOn, setTorchOn] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` (retry) opens the camera again.
  useEffect(() => {
    if (!active) {
      setStatus('paused');
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus('unsupported');
      return;
    }
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setStatus('starting');

    const start = async (): Promise<void> => {
      const reader = loadQrReader();
      try {
        stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
      } catch (error) {
        if (!stopped) setStatus(cameraFailure(error));
        return;
      }
      if (stopped) return stopTracks(stream);
      const track = stream.getVideoTracks()[0] ?? null;
      trackRef.current = track;
      setTorchAvailable((track?.getCapabilities?.() as TorchCapabilities | undefined)?.torch === true);
      setTorchOn(false);
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      let qr: Awaited<ReturnType<typeof loadQrReader>>;
      try {
        [qr] = await Promise.all([reader, video.play()]);
      } catch {
        if (stream) stopTracks(stream);
        if (!stopped) setStatus('decoder-failed');
        return;
      }
      if (stopped) return;
      setStatus('scanning');
      const tick = async (): Promise<void> => {
        if (stopped) return;
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          try {
            for (const text of await qr.read(video)) if (!stopped) onTextRef.current(text);
          } catch {
            // A frame the decoder could not take (the stream resizing, say): the next one will do.
          }
        }
        if (!stopped) timer = setTimeout(tick, READ_INTERVAL_MS);
      };
      void tick();
    };
    void start();

    return () => {
      stopped = true;
      clearTimeout(timer);
      if (stream) stopTracks(stream);
      trackRef.current = null;
      const video = videoRef.current;
      if (video) video.srcObject = null;
    };
  }, [active, attempt, videoRef]);

  const toggle = useCallback((): void => {
    const track = trackRef.current;
    if (!track) return;
    const next = !torchOn;
    // `torch` is an Image Capture constraint, absent from TypeScript's MediaTrackConstraintSet.
    track
      .applyConstraints({ advanced: [{ torch: next } as MediaTrackConstraintSet] })
      .then(() => setTorchOn(next))
      .catch(() => setTorchAvailable(false));
  }, [torchOn]);

  const retry = useCallback((): void => setAttempt((n) => n + 1), []);

  return { status, torch: { available: torchAvailable, on: torchOn, toggle }, retry };
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** What getUserMedia's refusal means for the person holding the phone. */
function cameraFailure(error: unknown): CameraStatus {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  return 'busy';
}
