// Driven by test/bench/face-stages.ts (through face-stages.html): times one MediaPipe task
// configuration over the given eval images, in a module worker as the SDK's face worker runs
// MediaPipe. One configuration per worker: the WASM loader can start only one task per worker.
const CONFIGURATIONS = {
  'FaceDetector only (BlazeFace short range)': { task: 'detector', mode: 'IMAGE' },
  'FaceLandmarker IMAGE, blendshapes + head matrix (SDK)': { task: 'landmarker', mode: 'IMAGE', blendshapes: true, matrix: true },
  'FaceLandmarker IMAGE, blendshapes, no matrix': { task: 'landmarker', mode: 'IMAGE', blendshapes: true, matrix: false },
  'FaceLandmarker IMAGE, neither': { task: 'landmarker', mode: 'IMAGE', blendshapes: false, matrix: false },
  'FaceLandmarker VIDEO, same image again (tracked)': { task: 'landmarker', mode: 'VIDEO', blendshapes: true, matrix: true, repeat: true },
  'FaceLandmarker IMAGE, image upscaled to 640x640': { task: 'landmarker', mode: 'IMAGE', blendshapes: true, matrix: true, side: 640 },
};

self.onmessage = async ({ data: { name, files } }) => {
  try {
    const c = CONFIGURATIONS[name];
    const vision = await import('/dist/mediapipe/vision_bundle.mjs');
    const fileset = await vision.FilesetResolver.forVisionTasks('/dist/mediapipe/wasm', true);
    const task =
      c.task === 'detector'
        ? await vision.FaceDetector.createFromOptions(fileset, { baseOptions: { modelAssetPath: '/shared/models/mediapipe/blaze_face_short_range.tflite', delegate: 'CPU' }, runningMode: c.mode })
        : await vision.FaceLandmarker.createFromOptions(fileset, {
            baseOptions: { modelAssetPath: '/shared/models/mediapipe/face_landmarker.task', delegate: 'CPU' },
            runningMode: c.mode, numFaces: 1, outputFaceBlendshapes: c.blendshapes, outputFacialTransformationMatrixes: c.matrix,
          });
    const images = [];
    for (const file of files) {
      const blob = await (await fetch(`/eval/${file}`)).blob();
      images.push(await createImageBitmap(blob, c.side ? { resizeWidth: c.side, resizeHeight: c.side } : {}));
    }
    let timestamp = 0;
    const run = (image) => (c.mode === 'VIDEO' ? task.detectForVideo(image, (timestamp += 100)) : task.detect(image));
    run(images[0]);
    run(images[0]);
    const ms = [];
    for (const image of images) {
      // VIDEO: the first call on a new image may run the detector; time the tracked repeat.
      if (c.repeat) run(image);
      const t0 = performance.now();
      run(image);
      ms.push(performance.now() - t0);
    }
    task.close();
    self.postMessage({ ms });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
self.postMessage({ configurations: Object.keys(CONFIGURATIONS) });
