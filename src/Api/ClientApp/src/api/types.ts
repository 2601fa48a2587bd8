// The JSON shapes of the ProctorWise API (docs/API.md). Written by hand for readable names and unions;
// src/api/contract.ts checks each against the types generated from openapi/v1.json (the served
// /openapi/v1.json, kept equal by a .NET test), so `npm run typecheck` fails when they drift.
// camelCase fields, snake_case enums, ISO-8601 UTC timestamps as strings.

export type Role = 'student' | 'teacher' | 'proctor' | 'admin';
export const ROLES: readonly Role[] = ['student', 'teacher', 'proctor', 'admin'];

/** A proctor account as staff see it when assigning rooms (GET /api/proctors). */
export interface ProctorSummary {
  id: string;
  name: string;
  email: string;
}

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  isActive: boolean;
  createdAt: string;
  /** An administrator set a temporary password: the user must choose one before anything else. */
  mustChangePassword?: boolean;
}

/** POST /api/users/me/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/users/{id}/password-reset: the temporary password, shown this once. */
export interface PasswordReset {
  user: User;
  temporaryPassword: string;
}

/** POST /api/users/import */
export interface ImportUsersRequest {
  csv: string;
}

export interface ImportedUser {
  line: number;
  user: User;
  temporaryPassword: string | null;
}

export interface ImportUsersResponse {
  created: ImportedUser[];
}

export interface TokenResponse {
  accessToken: string;
  expiresAt: string;
  user: User;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RegisterRequest {
  name: string;
  email: string;
  password: string;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  role?: Role;
  isActive?: boolean;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type QuestionType = 'single_choice' | 'multiple_choice' | 'true_false' | 'short_answer' | 'essay';
export const QUESTION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'true_false', 'short_answer', 'essay'];

export interface Question {
  id?: string;
  type: QuestionType;
  text: string;
  options?: string[] | null;
  correct?: number[] | null;
  correctText?: string | null;
  points: number;
}

export interface ProctoringPolicy {
  noFaceSeconds: number;
  lookingAwaySeconds: number;
  multipleFacesFrames: number;
  maxTabSwitches: number;
  webcamRequired: boolean;
  shuffleQuestions: boolean;
  frameTimeoutSeconds: number;
  lookingAwayYaw: number;
  objectFrames: number;
}

export type ExamStatus = 'draft' | 'published' | 'archived';

export interface Exam {
  id: string;
  ownerId: string;
  title: string;
  description: string | null;
  durationMinutes: number;
  passMarkPercent: number;
  status: ExamStatus;
  /** The thresholds: only for the exam's owner and admins (null for students and proctors). */
  proctoring: ProctoringPolicy | null;
  questionCount: number;
  totalPoints: number;
  createdAt: string;
  updatedAt: string;
  locked: boolean;
  questions: Question[] | null;
  /** What is watched during a session, for everyone. */
  monitoring: ExamMonitoring | null;
}

/** What a student is told about an exam's proctoring (never the thresholds). */
export interface ExamMonitoring {
  webcamRequired: boolean;
  browserActivity: boolean;
}

export interface ExamRequest {
  title: string;
  description?: string | null;
  durationMinutes: number;
  passMarkPercent: number;
  questions: Question[];
  proctoring: ProctoringPolicy;
}

export interface SlotRequest {
  startsAt: string;
  capacity: number;
}

export interface AssignProctorRequest {
  proctorId: string;
}

export interface Slot {
  id: string;
  examId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  isOpen: boolean;
  examTitle: string;
}

export type BookingStatus = 'booked' | 'cancelled' | 'completed';

export interface Booking {
  id: string;
  slotId: string;
  examId: string;
  studentId: string;
  status: BookingStatus;
  createdAt: string;
  examTitle: string;
  startsAt: string;
  endsAt: string;
  sessionId: string | null;
}

export type SessionStatus = 'in_progress' | 'submitted' | 'terminated' | 'expired';

/** An answer: option indexes for choice and true/false questions, text for short answer and essay. */
export type AnswerValue = number[] | string;

export interface StudentQuestion {
  id: string;
  type: QuestionType;
  text: string;
  options: string[] | null;
  points: number;
}

export interface Session {
  id: string;
  bookingId: string;
  slotId: string;
  examId: string;
  examTitle: string;
  studentId: string;
  studentName: string;
  status: SessionStatus;
  startedAt: string;
  deadline: string;
  endedAt: string | null;
  submissionId: string | null;
  questions: StudentQuestion[] | null;
  answers: SessionAnswer[] | null;
  /** The last browser-signal seq applied: a resumed page sends signals above it. */
  eventSeq: number;
  /** Why a proctor ended the session, when one did. */
  endReason?: string | null;
}

export interface SessionAnswer {
  questionId: string;
  answer: AnswerValue;
  seq: number;
}

export interface AnswerRequest {
  answer: AnswerValue;
  seq: number;
}

export interface SubmitResponse {
  submissionId: string;
}

export type SubmissionStatus = 'auto_graded' | 'awaiting_manual' | 'graded' | 'published';

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  text: string;
  points: number;
  score: number | null;
  correct: boolean | null;
  feedback: string | null;
  answer: AnswerValue | null;
  gradedBy: string | null;
}

export interface GradeRequest {
  score: number;
  feedback: string | null;
  /** Why a published grade changes (kept with the change and shown to the student); ignored before publication. */
  reason?: string | null;
}

/** A grade changed after publication; a student's copy has no changedBy/changedByName. */
export interface GradeChange {
  changedAt: string;
  changedBy: string | null;
  changedByName: string | null;
  questionId: string;
  previousQuestionScore: number | null;
  questionScore: number;
  feedbackChanged: boolean;
  previousScore: number;
  score: number;
  previousPercent: number;
  percent: number;
  reason: string | null;
}

export interface Submission {
  id: string;
  sessionId: string;
  examId: string;
  examTitle: string;
  studentId: string;
  studentName: string;
  status: SubmissionStatus;
  sessionStatus: SessionStatus;
  submittedAt: string;
  score: number | null;
  maxScore: number;
  percent: number | null;
  passed: boolean | null;
  publishedAt: string | null;
  results: QuestionResult[] | null;
  /** Grade changes after publication, oldest first; null for a student before publication. */
  changes: GradeChange[] | null;
}

export type AnomalyType =
  | 'no_face'
  | 'multiple_faces'
  | 'looking_away'
  | 'object_detected'
  | 'tab_hidden'
  | 'window_blur'
  | 'fullscreen_exit'
  | 'copy'
  | 'paste'
  | 'webcam_stopped'
  | 'devtools_open';

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export type SignalType =
  | 'tab_hidden'
  | 'window_blur'
  | 'fullscreen_exit'
  | 'copy'
  | 'paste'
  | 'webcam_stopped'
  | 'devtools_open'
  | 'resume';

export interface EventRequest {
  type: SignalType;
  occurredAt: string;
  seq: number;
}

export interface MessageRequest {
  message: string;
}

export interface TerminateRequest {
  reason: string;
}

export interface ExtendRequest {
  minutes: number;
}

export interface ReviewRequest {
  note: string;
}

/** A supervisor's "reviewed" mark on a session, with a note. */
export interface SessionReview {
  note: string;
  reviewedBy: string;
  reviewedAt: string;
}

export interface Anomaly {
  id: string;
  type: AnomalyType;
  severity: Severity;
  reason: string;
  startedAt: string;
  /** For browser signals: the occurredAt the browser sent (its clock, for reference only). */
  clientStartedAt: string | null;
  endedAt: string | null;
  count: number;
  evidenceUrl: string | null;
}

export interface SessionLive {
  sessionId: string;
  slotId: string;
  studentId: string;
  studentName: string;
  status: SessionStatus;
  counters: Partial<Record<AnomalyType, number>>;
  riskScore: number;
  lastSeenAt: string | null;
  deadline: string;
  openAnomalies: number;
  /** Questions with a saved answer (reaches the room with the next frame or tick, within seconds). */
  answered: number;
  questionCount: number;
  review: SessionReview | null;
}

/** A booking as a slot's staff see it (GET /api/slots/{slotId}/bookings). */
export interface SlotBooking {
  id: string;
  slotId: string;
  examId: string;
  studentId: string;
  studentName: string;
  status: BookingStatus;
  createdAt: string;
}

export interface RoomSnapshot {
  slot: Slot;
  sessions: SessionLive[];
}

export interface RoomSummary {
  slot: Slot;
  inProgress: number;
  finished: number;
  atRisk: number;
}

export interface ProctorAlert {
  alertId: string;
  sessionId: string;
  slotId: string;
  studentId: string;
  studentName: string;
  anomalyId: string;
  type: AnomalyType;
  severity: Severity;
  reason: string;
  occurredAt: string;
  riskScore: number;
  acknowledged: boolean;
  /** When it was acknowledged; null before that (and for acknowledgements older than this field). */
  acknowledgedAt?: string | null;
}

/** An anomaly as the room report lists it (evidence is opened from the live room). */
export interface ReportAnomaly {
  id: string;
  sessionId: string;
  type: AnomalyType;
  severity: Severity;
  reason: string;
  startedAt: string;
  endedAt: string | null;
  count: number;
  hasEvidence: boolean;
  clientStartedAt?: string | null;
}

export type SupervisorActionKind = 'warning' | 'termination' | 'acknowledgement' | 'review' | 'extension';

export interface SupervisorAction {
  kind: SupervisorActionKind;
  /** Null only for an acknowledgement made before their times were kept. */
  at: string | null;
  by: string | null;
  byName?: string | null;
  text: string;
}

export interface RiskPoint {
  at: string;
  score: number;
}

/** One student's part of the room report (GET /api/proctor/rooms/{slotId}/report). */
export interface StudentReport {
  sessionId: string;
  studentId: string;
  studentName: string;
  status: SessionStatus;
  startedAt: string;
  endedAt: string | null;
  endReason: string | null;
  riskScore: number;
  peakRisk: number;
  warnings: number;
  anomalies: ReportAnomaly[];
  riskOverTime: RiskPoint[];
  actions: SupervisorAction[];
}

export interface RoomReport {
  slot: Slot;
  generatedAt: string;
  students: StudentReport[];
}

export interface FrameResponse {
  faces: unknown[];
  objects: unknown[];
  checks: Record<string, 'ok' | 'unavailable' | 'skipped' | 'unchanged'>;
}

export interface TimeResponse {
  now: string;
}

// Hub messages: not in the OpenAPI document (SignalR is not described there), so docs/API.md §SignalR
// and src/Api/Hubs are their reference. SessionLive and ProctorAlert above are checked through REST.
export interface WarningMessage {
  message: string;
  at: string;
}

export interface TerminatedMessage {
  reason: string;
}

export interface DeadlineMessage {
  deadline: string;
}

/** RFC 7807 problem details as the API sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

// Notifications (docs/notifications.md): the caller's own inbox and preferences, live on /hubs/notifications.

export type NotificationType =
  | 'booking_confirmed'
  | 'booking_cancelled'
  | 'exam_reminder'
  | 'exam_changed'
  | 'grade_published'
  | 'grade_changed'
  | 'session_terminated'
  | 'anomaly_digest'
  | 'analytics_job_failed';

export type NotificationChannel = 'in_app' | 'email';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface NotificationDelivery {
  channel: NotificationChannel;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  updatedAt: string;
}

export interface AppNotification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  deliveries: NotificationDelivery[];
}

export interface NotificationPage {
  items: AppNotification[];
  page: number;
  pageSize: number;
  total: number;
  unreadCount: number;
}

export interface UnreadCount {
  count: number;
}

export interface NotificationPreference {
  type: NotificationType;
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
}

// Admin: the cluster (GET /api/admin/cluster; docs/operations.md).

export type ClusterSiloStatus = 'created' | 'joining' | 'active' | 'shutting_down' | 'stopping' | 'dead' | 'unknown';

export interface StreamPartition {
  provider: string;
  topic: string;
  partition: number;
  lag: number | null;
}

export interface ClusterSilo {
  address: string;
  name: string;
  host: string;
  status: ClusterSiloStatus;
  startedAt: string;
  lastHeartbeat: string | null;
  activations: number;
  streamTransport: string | null;
  partitions: StreamPartition[];
  probeError: string | null;
}

export interface GrainActivations {
  grainType: string;
  silo: string;
  activations: number;
}

/** The fields of an analytics run the Cluster page shows (the jobs API has the whole run). */
export interface ClusterRecentRun {
  job: string;
  period: string;
  status: string;
  attempts: number;
  finishedAt: string | null;
  durationSeconds: number | null;
  error: string | null;
}

export interface ClusterView {
  generatedAt: string;
  silos: ClusterSilo[];
  activations: GrainActivations[];
  recentRuns: ClusterRecentRun[];
  dashboardEnabled: boolean;
}

// ---- Analytics (docs/analytics.md "API", docs/API.md §10)

export type AnalyticsRunStatus = 'pending' | 'running' | 'succeeded' | 'failed';
export type AnalyticsRunTrigger = 'schedule' | 'catch_up' | 'manual' | 'chain';

export interface AnalyticsDatasetRows {
  name: string;
  rows: number;
}

/** One run of a job for one period (GET /api/analytics/jobs). */
export interface AnalyticsRun {
  job: string;
  period: string;
  status: AnalyticsRunStatus;
  trigger: AnalyticsRunTrigger;
  attempts: number;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
  inputFiles: number;
  noInput: boolean;
  datasets: AnalyticsDatasetRows[];
  error: string | null;
  /** The engine's error class of the last failure (Spark's, e.g. UNRESOLVED_COLUMN.WITH_SUGGESTION), or null. */
  errorClass?: string | null;
  /** The SQLSTATE of the last failure, or null. */
  sqlState?: string | null;
  isFinished?: boolean;
}

export interface AnalyticsRunStarted {
  run: AnalyticsRun;
  then: string[];
}

export interface StartAnalyticsRunRequest {
  period: string;
  chain?: boolean;
}

/** A value of a dataset cell: text, number, boolean, date or instant (as text), list of text, or null. */
export type DatasetCell = string | number | boolean | string[] | null;

/** A page of a job's written dataset (GET /api/analytics/datasets/{job}/{period}/{dataset}). */
export interface DatasetPage {
  job: string;
  period: string;
  dataset: string;
  columns: string[];
  items: DatasetCell[][];
  page: number;
  pageSize: number;
  total: number;
}

export interface ActivityPoint {
  at: string;
  submissions: number;
  anomalies: number;
}

export interface PlatformAlert {
  type: string;
  level: string;
  message: string;
}

export interface FigureSource {
  figures: string[];
  source: string;
  job?: string | null;
  period?: string | null;
}

export interface LastRunFigures {
  period: string;
  anomalies: number;
  criticalAnomalies: number;
  examsWithAnomalies: number;
  meanAnomaliesPerExam: number | null;
}

export interface PlatformAnalytics {
  users: number;
  exams: number;
  submissions: number;
  sessions: number;
  activeSessions: number;
  today: string;
  examsToday: number;
  sessionsToday: number;
  submissionsToday: number;
  anomaliesToday: number;
  hourlyActivity: ActivityPoint[];
  dailyTrends: ActivityPoint[];
  lastRun: LastRunFigures | null;
  alerts: PlatformAlert[];
  sources: FigureSource[];
  generatedAt: string;
}

export interface ReadinessCheck {
  name: string;
  status: string;
  description: string | null;
}

/** One silo's own checks (membership, storage, streams, lake, analytics engine). */
export interface SiloReadiness {
  address: string;
  status: string;
  checks: ReadinessCheck[];
  error: string | null;
}

/** GET /api/admin/readiness: every check of the platform, run now. */
export interface PlatformReadiness {
  checkedAt: string;
  status: string;
  api: ReadinessCheck[];
  silos: SiloReadiness[];
  silosError: string | null;
}

export interface ScoreBucket {
  range: string;
  count: number;
}

export interface QuestionAnalytics {
  questionId: string;
  questionType: string;
  attempts: number;
  answered: number;
  correct: number;
  correctRate: number;
  meanScore: number | null;
  maxScore: number | null;
  difficulty: string;
}

/** GET /api/analytics/exams/{id}: the exam's owner and admins. */
export interface ExamAnalytics {
  examId: string;
  submissions: number;
  meanScore: number | null;
  medianScore: number | null;
  minScore: number | null;
  maxScore: number | null;
  passMarkPercent: number;
  passRate: number | null;
  scoreDistribution: ScoreBucket[];
  questions: QuestionAnalytics[];
  attempts: number;
  meanCompletionSeconds: number | null;
  anomaliesByType: Record<string, number>;
  sources: FigureSource[];
  generatedAt: string;
  q1Score: number | null;
  q3Score: number | null;
  completionTimes: CompletionBucket[];
  studentAnomalies: StudentAnomalies[];
  gradingTurnaround: GradingTurnaround;
}

/** Ended attempts whose time from start to end is in [fromSeconds, toSeconds) (the last bin also holds overruns). */
export interface CompletionBucket {
  fromSeconds: number;
  toSeconds: number;
  attempts: number;
}

export interface StudentAnomalies {
  studentId: string;
  studentName: string | null;
  total: number;
  byType: Record<string, number>;
  highestSeverity: string;
}

/** Submission to fully graded, in hours, for the submissions a teacher graded. */
export interface GradingTurnaround {
  teacherGraded: number;
  medianHours: number | null;
  p90Hours: number | null;
  maxHours: number | null;
}

/** One anomaly recorded about a student, with its reason. */
export interface RecordedAnomaly {
  anomalyId: string;
  examId: string;
  sessionId: string;
  type: string;
  severity: string;
  startedAt: string;
  endedAt: string | null;
  reason: string | null;
  /** Null when the exam is no longer in the catalog: show the id then. */
  examTitle: string | null;
}

export interface ScorePoint {
  submissionId: string;
  examId: string;
  score: number;
  passed: boolean;
  publishedAt: string;
  /** Null when the exam is no longer in the catalog: show the id then. */
  examTitle: string | null;
}

export interface AreaAnalytics {
  questionType: string;
  attempts: number;
  correctRate: number;
  meanPercent: number | null;
}

/** GET /api/analytics/users/{id}: the student themself and admins; published results only. */
export interface UserAnalytics {
  userId: string;
  examsTaken: number;
  meanScore: number | null;
  examsPassed: number;
  passRate: number | null;
  scoreTrend: ScorePoint[];
  anomaliesByType: Record<string, number>;
  areas: AreaAnalytics[];
  strongestAreas: string[];
  weakestAreas: string[];
  sources: FigureSource[];
  generatedAt: string;
  anomalies: RecordedAnomaly[];
}
