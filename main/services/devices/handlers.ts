import type { FeatureHandlers } from '../../core/dispatcher';
import type { DeviceService } from './service';

export const devicesHandlers = (devices: DeviceService): FeatureHandlers<'devices'> => ({
  'devices.list': () => devices.list(),
  'devices.discover': () => devices.discover(),
  'devices.configure': async (req, ctx) => ({ settings: await devices.configure(req.device, req.config, ctx.user.id) }),
  'devices.testPrint': (_req, ctx) => ({ job: devices.testPrint(ctx.user) }),
  'devices.testCapture': (req) => devices.testCapture(req.finger),
  'devices.retryJob': (req) => ({ job: devices.retry(req.jobId) }),
  'devices.reprint': (req, ctx) => {
    const job = devices.reprint(req.target, { actor: ctx.user.id });
    return { job, marks: devices.marksOf(job.jobId) };
  },
  'devices.skipValidation': (req) => ({ job: devices.skipValidation(req.jobId) }),
  'devices.job': (req) => ({ job: devices.job(req.jobId) }),
  'devices.jobs': (req) => ({ jobs: devices.jobs(req.reference !== undefined ? { reference: req.reference } : {}) }),
  'devices.emulator': async (req) => ({ devices: await devices.emulator(req) }),
});
