// Types of the pure bright-kitchen (明厨亮灶) core (rule book section 5). No I/O, no clock:
// every function takes `now` where it needs one. Times are UTC ms.
import type { Severity } from '../../../contracts/api.ts';
import type { AiReviewState } from '../../../contracts/camera-api.ts';
import type { AiCategory } from '../../../contracts/cameras.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { Meal } from '../../../contracts/samples.ts';

export const CAMERA_RULE_IDS = ['FS-CAM-OFFLINE', 'FS-CAM-RETENTION', 'FS-AI-EVENT'] as const;
export type CameraRuleId = (typeof CAMERA_RULE_IDS)[number];

/** A profile's bright-kitchen parameters. */
export type CameraParams = Profile['cameras'];

/** A meal of one day, from the kitchen's local meal times converted to UTC. */
export interface MealSpan { meal: Meal; startsAt: number; endsAt: number }

/** Service hours (preparation, meal, clearing up): [startsAt, endsAt). */
export interface ServiceWindow { startsAt: number; endsAt: number }

/** The camera went online or offline at `at`; a camera's transitions alternate. */
export interface Transition { at: number; online: boolean }

/** Who the alert is about: the camera's id (the alert's device column) and its name for messages. */
export interface CameraRef { id: string; name: string }

/**
 * The latest alert of a rule for a camera, as the alert store has it. `firstOutAt` names
 * the episode it was raised for (an offline span, a short-retention span), so an alert
 * closed by a person while the condition lasts is not raised again for the same episode.
 */
export interface LastAlert { firstOutAt: number; live: boolean }

export type CameraAlertEvent =
  | { type: 'raise'; ruleId: CameraRuleId; severity: Severity; at: number; firstOutAt: number; minutesOut: number; message: string }
  | { type: 'progress'; ruleId: CameraRuleId; minutesOut: number }
  | { type: 'clear'; ruleId: CameraRuleId; at: number; minutesOut: number };

/** One detection as the edge box reported it. */
export interface AiDetection { cameraId: string; category: AiCategory; confidence: number; at: number }

/** [FS-AI-EVENT] A de-duplicated event: the first detection and its repeats. */
export interface AiGroup {
  cameraId: string;
  category: AiCategory;
  detectedAt: number;
  lastDetectedAt: number;
  detections: number;
  /** The highest confidence among its detections. */
  confidence: number;
}

export interface AiReview { state: AiReviewState; by: string | null; at: number | null; note: string | null }

export type { AiCategory, AiReviewState, Meal };
