import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from './config.ts';

describe('settings', () => {
  it('the README shows the generated settings table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- config-table -->') + 21, readme.indexOf('<!-- /config-table -->')).trim();
    expect(section).toBe(configTable());
  });

  it('applies defaults, parses values and refuses bad ones with the variable named', () => {
    expect(loadConfig({})).toMatchObject({ httpPort: 8080, mqttPort: 1883, influxUrl: undefined, dataDir: './data', demoKitchens: 20 });
    expect(loadConfig({ HTTP_PORT: '0', DEMO_KITCHENS: '3' })).toMatchObject({ httpPort: 0, demoKitchens: 3 });
    expect(() => loadConfig({ HTTP_PORT: 'eighty' })).toThrow(/HTTP_PORT/);
    expect(() => loadConfig({ DEMO_KITCHENS: '0' })).toThrow(/DEMO_KITCHENS/);
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('reads NOTIFY_ALLOW_ORIGINS as exact origins, the port always written, and refuses a URL with a path', () => {
    expect(loadConfig({}).notifyAllowOrigins).toBeUndefined();
    expect(loadConfig({ NOTIFY_ALLOW_ORIGINS: 'http://10.0.0.5:8080, https://sms.example.com' }).notifyAllowOrigins).toEqual(['http://10.0.0.5:8080', 'https://sms.example.com:443']);
    expect(() => loadConfig({ NOTIFY_ALLOW_ORIGINS: 'http://10.0.0.5:8080/hook' })).toThrow(/NOTIFY_ALLOW_ORIGINS/);
  });
});
