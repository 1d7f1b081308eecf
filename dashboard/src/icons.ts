// Inline SVG icons (24×24 viewBox, currentColor), so state is never shown by colour alone.
const svg = (body: string): string =>
  `<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const ICONS = {
  ok: svg('<path d="M5 12.5l4.5 4.5L19 7.5"/>'),
  warning: svg('<path d="M12 3.5L2.5 20h19z"/><path d="M12 10v4.5"/><path d="M12 17.6v.1"/>'),
  alarm: svg('<circle cx="12" cy="12" r="9"/><path d="M12 7v6"/><path d="M12 16.6v.1"/>'),
  reminder: svg('<circle cx="12" cy="13" r="8"/><path d="M12 9v4l2.5 2"/><path d="M5 3.5L2.5 6"/><path d="M19 3.5L21.5 6"/>'),
  critical: svg('<path d="M8 2.8h8l5.2 5.2v8L16 21.2H8L2.8 16V8z"/><path d="M12 7v6"/><path d="M12 16.6v.1"/>'),
  offline: svg('<path d="M3 3l18 18"/><path d="M8.5 16.5a5 5 0 0 1 7 0"/><path d="M5 12.5a10 10 0 0 1 4.2-2.4"/><path d="M14.8 10.1A10 10 0 0 1 19 12.5"/><path d="M12 20v.1"/>'),
  unknown: svg('<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.4"/><path d="M12 17v.1"/>'),
  door: svg('<path d="M5 21V4.5L14 3v18"/><path d="M14 5h5v16"/><path d="M3 21h18"/><path d="M11 12v.1"/>'),
  defrost: svg('<path d="M12 2v20"/><path d="M4 7l16 10"/><path d="M20 7L4 17"/><path d="M9.5 3.5L12 6l2.5-2.5"/><path d="M9.5 20.5L12 18l2.5 2.5"/>'),
  back: svg('<path d="M15 5l-7 7 7 7"/>'),
  thermo: svg('<path d="M14 14.8V5a2 2 0 0 0-4 0v9.8a4 4 0 1 0 4 0z"/><path d="M12 9v7"/>'),
  bell: svg('<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/>'),
  play: svg('<path d="M8 5.5v13l10.5-6.5z" fill="currentColor"/>'),
  stop: svg('<rect x="6.5" y="6.5" width="11" height="11" rx="1.5" fill="currentColor"/>'),
  camera: svg('<rect x="2.5" y="6" width="13" height="12" rx="2"/><path d="M15.5 10.5l6-3.5v10l-6-3.5"/>'),
  user: svg('<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>'),
  logout: svg('<path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4"/><path d="M9 8l-4 4 4 4"/><path d="M5 12h10"/>'),
  eye: svg('<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>'),
  globe: svg('<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/><path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18"/>'),
} as const;
