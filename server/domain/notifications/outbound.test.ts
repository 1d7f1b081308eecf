// Where notifications may go, as tables: which addresses are private however they are written,
// how allowed origins compare, and what of a robot's answer reaches the delivery record.
import { describe, expect, it } from 'vitest';
import { canonicalOrigin, isPrivateAddress, keptAnswer, parseOrigins } from './outbound.ts';
import { judgeResponse } from './robots.ts';

describe('private addresses', () => {
  const PRIVATE = [
    '127.0.0.1', '127.1.2.3', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '100.127.255.255', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '198.18.0.1',
    '::1', '::', '[::1]', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '::127.0.0.1', '64:ff9b::a00:1',
  ];
  const PUBLIC = [
    '8.8.8.8', '100.63.255.255', '100.128.0.1', '172.15.255.255', '172.32.0.1', '192.169.0.1', '169.253.0.1', '203.0.113.5',
    '2001:4860:4860::8888', '2400:3200::1', '::ffff:8.8.8.8', '2001::1', 'qyapi.weixin.qq.com',
  ];
  it.each(PRIVATE)('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(PUBLIC)('%s is not', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});

describe('allowed origins', () => {
  it('compare as scheme://host:port, the port always written', () => {
    expect(parseOrigins(['http://127.0.0.1:18111', 'https://Hooks.Example.com', 'http://[::1]:80/'])).toEqual([
      'http://127.0.0.1:18111', 'https://hooks.example.com:443', 'http://[::1]:80',
    ]);
    expect(canonicalOrigin(new URL('https://hooks.example.com/x?y=1'))).toBe('https://hooks.example.com:443');
  });
  it.each(['http://10.0.0.5:8080/hook', 'ftp://10.0.0.5', 'http://u:p@10.0.0.5', 'not a url'])('refuse %s, which is no origin', (entry) => {
    expect(() => parseOrigins([entry])).toThrow(/origin|URL/);
  });
});

describe('what of an answer is kept', () => {
  const robotAnswer = { errcode: 310000, errmsg: 'sign not match', debug: 'INFLUXDB_ADMIN_PASSWORD=…' };
  it('keeps an official robot\'s errcode and errmsg, nothing else', () => {
    expect(keptAnswer(new URL('https://oapi.dingtalk.com/robot/send?access_token=t'), robotAnswer)).toEqual({ errcode: 310000, errmsg: 'sign not match' });
    expect(keptAnswer(new URL('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'), robotAnswer)).toEqual({ errcode: 310000, errmsg: 'sign not match' });
  });
  it('keeps only the numeric errcode of any other host, which could answer anything', () => {
    expect(keptAnswer(new URL('http://127.0.0.1:8086/query'), robotAnswer)).toEqual({ errcode: 310000 });
    expect(keptAnswer(new URL('https://hooks.example.com/x'), { errcode: '<b>db</b>', errmsg: 'x' })).toEqual({});
    expect(keptAnswer(new URL('https://hooks.example.com/x'), 'plain text')).toBeNull();
  });
  it('makes the lastError of a robot answer from its number only', () => {
    expect(judgeResponse('wecom', 200, { errcode: 45009 })).toEqual({ ok: false, error: 'errcode 45009' });
    expect(judgeResponse('dingtalk', 200, { errcode: 310000, errmsg: 'sign not match' })).toEqual({ ok: false, error: 'errcode 310000: sign not match' });
    expect(judgeResponse('wecom', 200, { errcode: 'DROP DATABASE ok' })).toEqual({ ok: false, error: 'no errcode in the answer' });
    expect(judgeResponse('webhook', 404, null)).toEqual({ ok: false, error: 'HTTP 404' });
  });
});
