/**
 * `npm run bench`: prints each figure beside its target from quality.md. It never fails on
 * a missed target; it measures. `--quick` uses 100 k instead of 1 M shipments for the
 * scaling figure (the 1 M database takes minutes to fill the first time).
 */
import { parseArgs } from 'node:util';
import { benchApiThroughput } from './api-throughput';
import { benchBundleSize } from './bundle-size';
import { benchLookupScaling } from './lookup-scaling';
import { benchSyncIngest } from './sync-ingest';
import { benchCarrierIngest } from './carrier-ingest';
import { benchFeedbackClassifier } from './feedback-classifier';
import { benchOpsAnalytics } from './ops-analytics';
import { benchOrderIntake } from './order-intake';
import { benchForecast } from './forecast';
import { benchScaleOut } from './scale-out';
import { benchTrackingLighthouse } from './lighthouse';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const want = (name: string) => !values.only || values.only.split(',').includes(name);

console.log('Doorstep benchmarks — figures beside their targets');
if (want('bundle')) benchBundleSize();
if (want('lighthouse')) await benchTrackingLighthouse();
if (want('throughput')) await benchApiThroughput();
if (want('sync')) await benchSyncIngest();
if (want('carriers')) await benchCarrierIngest();
if (want('orders')) await benchOrderIntake();
if (want('scaleout')) await benchScaleOut();
if (want('lookup')) await benchLookupScaling({ big: values.quick ? 100_000 : 1_000_000 });
if (want('analytics')) await benchOpsAnalytics({ big: values.quick ? 100_000 : 1_000_000 });
if (want('classifier')) await benchFeedbackClassifier();
if (want('forecast')) await benchForecast();
process.exit(0);
