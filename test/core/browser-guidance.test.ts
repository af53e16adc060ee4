import { expect } from '@open-wc/testing';
import {
  detectBrowser,
  detectInAppBrowser,
  explainForFrame,
  iframeBlockedError,
  inAppBrowserError,
  permissionHelp,
  suggestedBrowser,
  type FeaturePolicyLike,
} from '../../src/core/browser-guidance.js';
import { OnewayError } from '../../src/core/errors.js';
import { en } from '../../src/i18n/en.js';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  headlessChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
  androidSamsung:
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  androidFirefox: 'Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0',
  facebookIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.38.109;FBBV/612345678;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]',
  facebookAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/470.0.0.43.108;]',
  instagramIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 337.0.3.23.54 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 612345678)',
  instagramAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 Instagram 337.0.0.35.102 Android (34/14; 420dpi; 1080x2400; Google; Pixel 8; shiba; shiba; en_US; 612345678)',
  linkedinIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8962',
  linkedinAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 [LinkedInApp]/4.1.950',
  tiktokIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_35.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US',
  tiktokAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 trill_350103 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/musical_ly app_version/35.1.3 ByteLocale/en ByteFullLocale/en Region/US BytedanceWebview/d8a21c6',
  tiktokPlain: 'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 TikTok/32.5.3',
  unknown: 'curl/8.5.0',
};

describe('browser guidance: browser family', () => {
  const cases: [keyof typeof UA, string][] = [
    ['chromeWindows', 'chrome'],
    ['chromeMac', 'chrome'],
    ['headlessChrome', 'chrome'],
    ['edge', 'edge'],
    ['firefox', 'firefox'],
    ['firefoxLinux', 'firefox'],
    ['safari', 'safari'],
    ['iphoneSafari', 'ios'],
    ['iphoneChrome', 'ios'],
    ['ipad', 'ios'],
    ['androidChrome', 'android'],
    ['androidSamsung', 'android'],
    ['androidFirefox', 'android'],
    ['unknown', 'other'],
  ];
  for (const [name, family] of cases) {
    it(`${name} → ${family}`, () => {
      expect(detectBrowser(UA[name])).to.equal(family);
    });
  }
});

describe('browser guidance: steps to allow a blocked camera', () => {
  const cases: [keyof typeof UA, string, RegExp][] = [
    ['chromeWindows', 'chrome', /camera icon at the right end of the address bar/],
    ['edge', 'edge', /Permissions for this site/],
    ['firefox', 'firefox', /crossed-out camera icon/],
    ['safari', 'safari', /Safari > Settings for This Website/],
    ['iphoneSafari', 'ios', /aA/],
    ['iphoneChrome', 'ios', /Settings app/],
    ['androidChrome', 'android', /Permissions/],
    ['unknown', 'other', /settings for this site/],
  ];
  for (const [name, family, expected] of cases) {
    it(`${name}: ${family} steps`, () => {
      const help = permissionHelp(UA[name]);
      expect(help.browser).to.equal(family);
      expect(help.steps.length).to.be.within(2, 5);
      expect(help.steps.join(' ')).to.match(expected);
      expect(help.steps.at(-1)).to.contain('Try again');
      for (const step of help.steps) {
        expect(step).to.equal(step.trim());
        expect(step).to.not.equal('');
      }
    });
  }

  it('reads the steps from the message table it is given', () => {
    const messages = { ...en, 'deviceCheck.permission.firefox': 'Eins\nZwei' };
    expect(permissionHelp(UA.firefox, messages).steps).to.deep.equal(['Eins', 'Zwei']);
  });
});

describe('browser guidance: in-app browsers', () => {
  const cases: [keyof typeof UA, string | undefined, string][] = [
    ['facebookIos', 'facebook', 'Safari'],
    ['facebookAndroid', 'facebook', 'Chrome'],
    ['instagramIos', 'instagram', 'Safari'],
    ['instagramAndroid', 'instagram', 'Chrome'],
    ['linkedinIos', 'linkedin', 'Safari'],
    ['linkedinAndroid', 'linkedin', 'Chrome'],
    ['tiktokIos', 'tiktok', 'Safari'],
    ['tiktokAndroid', 'tiktok', 'Chrome'],
    ['tiktokPlain', 'tiktok', 'Chrome'],
    ['iphoneSafari', undefined, 'Safari'],
    ['iphoneChrome', undefined, 'Safari'],
    ['androidChrome', undefined, 'Chrome'],
    ['androidSamsung', undefined, 'Chrome'],
    ['chromeWindows', undefined, 'Safari or Chrome'],
    ['firefox', undefined, 'Safari or Chrome'],
    ['safari', undefined, 'Safari or Chrome'],
    ['edge', undefined, 'Safari or Chrome'],
  ];
  for (const [name, app, browser] of cases) {
    it(`${name} → ${app ?? 'a regular browser'}`, () => {
      expect(detectInAppBrowser(UA[name])).to.equal(app);
      expect(suggestedBrowser(UA[name])).to.equal(browser);
      const error = inAppBrowserError(UA[name]);
      if (app) {
        expect(error?.code).to.equal('in-app-browser');
        expect(error?.recoverable).to.equal(false);
        expect(error?.message).to.contain(browser);
      } else {
        expect(error).to.equal(undefined);
      }
    });
  }
});

describe('browser guidance: iframe without the camera', () => {
  const policy = (...allowed: string[]): FeaturePolicyLike => ({ allowsFeature: (feature) => allowed.includes(feature) });

  it('a framed page whose policy allows neither camera nor microphone → iframe-blocked, telling the developer what to add', () => {
    const error = iframeBlockedError({ framed: true, policy: policy() });
    expect(error?.code).to.equal('iframe-blocked');
    expect(error?.recoverable).to.equal(false);
    expect(error?.message).to.contain('allow="camera; microphone"');
    expect(error?.message).to.contain('camera and microphone');
  });

  it('names the one feature that is missing', () => {
    expect(iframeBlockedError({ framed: true, policy: policy('camera') })?.message).to.contain('does not allow microphone:');
    expect(iframeBlockedError({ framed: true, policy: policy('microphone') })?.message).to.contain('does not allow camera:');
  });

  const fine: [string, Parameters<typeof iframeBlockedError>[0]][] = [
    ['a framed page allowed both', { framed: true, policy: policy('camera', 'microphone') }],
    ['a top-level page (the policy cannot block it)', { framed: false, policy: policy() }],
    ['a browser without a policy API (Firefox, Safari)', { framed: true, policy: undefined }],
    ['a policy API that throws', { framed: true, policy: { allowsFeature: () => { throw new Error('unknown feature'); } } }],
  ];
  for (const [name, env] of fine) {
    it(`${name} → no error`, () => {
      expect(iframeBlockedError(env)).to.equal(undefined);
    });
  }

  it('reads the real policy of this top-level test page as allowing the camera', () => {
    const doc = document as Document & { featurePolicy?: FeaturePolicyLike };
    expect(window.self === window.top).to.equal(true);
    expect(iframeBlockedError({ framed: false, policy: doc.featurePolicy })).to.equal(undefined);
    if (doc.featurePolicy) expect(doc.featurePolicy.allowsFeature('camera')).to.equal(true);
  });
});

describe('explainForFrame', () => {
  const denied = new OnewayError('permission-denied', 'The camera was refused.', true);

  it('a refusal inside a frame tells the host developer about allow="camera; microphone", keeping code and cause', () => {
    const explained = explainForFrame(denied, { framed: true });
    expect(explained.code).to.equal('permission-denied');
    expect(explained.recoverable).to.equal(true);
    expect(explained.message).to.match(/^The camera was refused\. The page runs in an iframe: .*allow="camera; microphone"/);
    expect(explained.cause).to.equal(denied);
  });

  it('leaves a refusal outside a frame, and any other error, as it is', () => {
    expect(explainForFrame(denied, { framed: false })).to.equal(denied);
    const lost = new OnewayError('device-lost', 'The video device stopped.', true);
    expect(explainForFrame(lost, { framed: true })).to.equal(lost);
  });
});
