import type { SSTConfig } from 'sst';
import { HOME_REGION } from './packages/core/src/topology';
import { Alarms } from './stacks/Alarms';
import { assertHomeRegion } from './stacks/assertHomeRegion';
import { defaultFunctionProps } from './stacks/defaultFunctionProps';
import { Messaging } from './stacks/Messaging';
import { Storage } from './stacks/Storage';
import { Workers } from './stacks/Workers';

/** SST app name; also the prefix of every stack name. */
const APP_NAME = 'rovn-passport-workers';

/** The SST v2 app of the worker tier, pinned to the home region. */
const config: SSTConfig = {
  config(input) {
    assertHomeRegion(input.region ?? HOME_REGION);

    return { name: APP_NAME, region: HOME_REGION };
  },
  stacks(app) {
    assertHomeRegion(app.region);
    app.setDefaultFunctionProps(defaultFunctionProps(app.stage));

    app.stack(Storage).stack(Messaging).stack(Workers).stack(Alarms);
  },
};

export { APP_NAME };
export default config;
