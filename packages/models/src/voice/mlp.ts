import { seededRandom, type RandomSource } from '../../../sdk/src/util/random';

/**
 * A one-hidden-layer perceptron (ReLU) with softmax output, trained by mini-batch AdamW
 * on cross-entropy with label smoothing, class weights and dropout. Written out by hand
 * (no ML framework exists for TypeScript that trains and exports ONNX without native
 * binaries), in Float64 and with a seeded PRNG, so a run is exactly repeatable.
 */
export interface MlpWeights {
  inputs: number;
  hidden: number;
  classes: number;
  /** [hidden × inputs], row-major. */
  w1: Float64Array;
  b1: Float64Array;
  /** [classes × hidden], row-major. */
  w2: Float64Array;
  b2: Float64Array;
}

export interface MlpTrainOptions {
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  inputDropout: number;
  hiddenDropout: number;
  labelSmoothing: number;
  /** Standard deviation of Gaussian noise added to the (standardised) inputs while training. */
  inputNoise: number;
  seed: number;
}

/** Trains on standardised features `x` (rows) with class indices `y` and per-class loss weights. */
export function trainMlp(x: readonly Float64Array[], y: readonly number[], classWeights: readonly number[], options: MlpTrainOptions): MlpWeights {
  const random = seededRandom(options.seed);
  const inputs = x[0]!.length;
  const classes = classWeights.length;
  const { hidden } = options;
  const weights: MlpWeights = {
    inputs,
    hidden,
    classes,
    w1: heInit(hidden * inputs, inputs, random),
    b1: new Float64Array(hidden),
    w2: heInit(classes * hidden, hidden, random),
    b2: new Float64Array(classes),
  };
  const params = [weights.w1, weights.b1, weights.w2, weights.b2];
  const grads = params.map((p) => new Float64Array(p.length));
  const adamM = params.map((p) => new Float64Array(p.length));
  const adamV = params.map((p) => new Float64Array(p.length));
  const [gw1, gb1, gw2, gb2] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];

  const order = Array.from(x, (_, i) => i);
  const input = new Float64Array(inputs);
  const h = new Float64Array(hidden);
  const dh = new Float64Array(hidden);
  const hiddenMask = new Float64Array(hidden);
  const logits = new Float64Array(classes);
  let step = 0;
  const totalSteps = options.epochs * Math.ceil(x.length / options.batchSize);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      for (const g of grads) g.fill(0);
      let weightSum = 0;
      for (const index of batch) {
        const row = x[index]!;
        const target = y[index]!;
        const sampleWeight = classWeights[target]!;
        weightSum += sampleWeight;
        const keepIn = 1 - options.inputDropout;
        for (let i = 0; i < inputs; i++) {
          const noisy = row[i]! + options.inputNoise * gaussian(random);
          input[i] = random() < keepIn ? noisy / keepIn : 0;
        }
        const keepHidden = 1 - options.hiddenDropout;
        for (let j = 0; j < hidden; j++) {
          let sum = weights.b1[j]!;
          const offset = j * inputs;
          for (let i = 0; i < inputs; i++) sum += weights.w1[offset + i]! * input[i]!;
          hiddenMask[j] = random() < keepHidden ? 1 / keepHidden : 0;
          h[j] = sum > 0 ? sum * hiddenMask[j]! : 0;
        }
        for (let c = 0; c < classes; c++) {
          let sum = weights.b2[c]!;
          const offset = c * hidden;
          for (let j = 0; j < hidden; j++) sum += weights.w2[offset + j]! * h[j]!;
          logits[c] = sum;
        }
        const probabilities = softmax(logits);
        dh.fill(0);
        for (let c = 0; c < classes; c++) {
          const smoothed = (c === target ? 1 - options.labelSmoothing : 0) + options.labelSmoothing / classes;
          const dLogit = (probabilities[c]! - smoothed) * sampleWeight;
          gb2[c] = gb2[c]! + dLogit;
          const offset = c * hidden;
          for (let j = 0; j < hidden; j++) {
            gw2[offset + j] = gw2[offset + j]! + dLogit * h[j]!;
            dh[j] = dh[j]! + dLogit * weights.w2[offset + j]!;
          }
        }
        for (let j = 0; j < hidden; j++) {
          if (h[j]! <= 0) continue;
          const dPre = dh[j]! * hiddenMask[j]!;
          gb1[j] = gb1[j]! + dPre;
          const offset = j * inputs;
          for (let i = 0; i < inputs; i++) gw1[offset + i] = gw1[offset + i]! + dPre * input[i]!;
        }
      }
      step++;
      // Cosine decay to zero: no schedule tuning, and the last epochs settle the weights.
      const rate = options.learningRate * 0.5 * (1 + Math.cos((Math.PI * step) / totalSteps));
      adamW(params, grads, adamM, adamV, step, rate, options.weightDecay, 1 / weightSum);
    }
  }
  return weights;
}

/** Class probabilities of one standardised feature row (no dropout). */
export function predictMlp(weights: MlpWeights, row: Float64Array): Float64Array {
  const h = new Float64Array(weights.hidden);
  for (let j = 0; j < weights.hidden; j++) {
    let sum = weights.b1[j]!;
    for (let i = 0; i < weights.inputs; i++) sum += weights.w1[j * weights.inputs + i]! * row[i]!;
    h[j] = Math.max(0, sum);
  }
  const logits = new Float64Array(weights.classes);
  for (let c = 0; c < weights.classes; c++) {
    let sum = weights.b2[c]!;
    for (let j = 0; j < weights.hidden; j++) sum += weights.w2[c * weights.hidden + j]! * h[j]!;
    logits[c] = sum;
  }
  return softmax(logits);
}

/**
 * Merges an ensemble into one wider network whose logits are the members' mean logits:
 * hidden units are concatenated and the output layer scaled by 1/K. The exported ONNX
 * graph therefore stays a plain Gemm–ReLU–Gemm–Softmax.
 */
export function mergeEnsemble(members: readonly MlpWeights[]): MlpWeights {
  const first = members[0]!;
  const k = members.length;
  const hidden = first.hidden * k;
  const merged: MlpWeights = {
    inputs: first.inputs,
    hidden,
    classes: first.classes,
    w1: new Float64Array(hidden * first.inputs),
    b1: new Float64Array(hidden),
    w2: new Float64Array(first.classes * hidden),
    b2: new Float64Array(first.classes),
  };
  members.forEach((m, index) => {
    merged.w1.set(m.w1, index * m.hidden * m.inputs);
    merged.b1.set(m.b1, index * m.hidden);
    for (let c = 0; c < m.classes; c++) {
      for (let j = 0; j < m.hidden; j++) merged.w2[c * hidden + index * m.hidden + j] = m.w2[c * m.hidden + j]! / k;
      merged.b2[c] = merged.b2[c]! + m.b2[c]! / k;
    }
  });
  return merged;
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < logits.length; c++) out[c] = out[c]! / sum;
  return out;
}

function adamW(
  params: Float64Array[],
  grads: Float64Array[],
  m: Float64Array[],
  v: Float64Array[],
  step: number,
  rate: number,
  weightDecay: number,
  gradScale: number,
): void {
  const beta1 = 0.9;
  const beta2 = 0.999;
  const correction1 = 1 - beta1 ** step;
  const correction2 = 1 - beta2 ** step;
  params.forEach((p, k) => {
    const g = grads[k]!;
    const mk = m[k]!;
    const vk = v[k]!;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]! * gradScale;
      mk[i] = beta1 * mk[i]! + (1 - beta1) * gi;
      vk[i] = beta2 * vk[i]! + (1 - beta2) * gi * gi;
      p[i] = p[i]! - rate * ((mk[i]! / correction1) / (Math.sqrt(vk[i]! / correction2) + 1e-8) + weightDecay * p[i]!);
    }
  });
}

function heInit(length: number, fanIn: number, random: RandomSource): Float64Array {
  const scale = Math.sqrt(2 / fanIn);
  return Float64Array.from({ length }, () => gaussian(random) * scale);
}

function gaussian(random: RandomSource): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function shuffle<T>(items: T[], random: RandomSource): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
