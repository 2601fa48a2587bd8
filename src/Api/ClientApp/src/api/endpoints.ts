// Typed calls, one per endpoint of docs/API.md (plus GET /api/time in lib/services.ts).

import { ApiError, api, request, seg } from './client';
import type {
  Anomaly,
  AnswerRequest,
  AnswerValue,
  AssignProctorRequest,
  Booking,
  ChangePasswordRequest,
  CreateUserRequest,
  ImportUsersRequest,
  ImportUsersResponse,
  PasswordReset,
  EventRequest,
  Exam,
  ExamRequest,
  FrameResponse,
  GradeRequest,
  LoginRequest,
  MessageRequest,
  Paged,
  ProctorAlert,
  ProctorSummary,
  RegisterRequest,
  Role,
  RoomReport,
  RoomSnapshot,
  RoomSummary,
  Session,
  SignalType,
  Slot,
  SlotRequest,
  Submission,
  SubmitResponse,
  TerminateRequest,
  ExtendRequest,
  ReviewRequest,
  SessionReview,
  SlotBooking,
  ProblemDetails,
  TokenResponse,
  UpdateUserRequest,
  User,
  AppNotification,
  NotificationPage,
  NotificationPreference,
  NotificationPreferences,
  UnreadCount,
  ClusterView,
  AnalyticsRun,
  AnalyticsRunStarted,
  DatasetPage,
  ExamAnalytics,
  PlatformAnalytics,
  UserAnalytics,
  PlatformReadiness,
  StartAnalyticsRunRequest,
} from './types';
import { auth } from '../lib/auth';
import { datasetPath, type DatasetQuery } from '../lib/analytics';

// Auth and users
export const login = (email: string, password: string) => api.post<TokenResponse>('/api/auth/login', { email, password } satisfies LoginRequest, { anonymous: true });
export const register = (name: string, email: string, password: string) =>
  api.post<User>('/api/auth/register', { name, email, password } satisfies RegisterRequest, { anonymous: true });
export const getMe = () => api.get<User>('/api/users/me');
export const createUser = (body: CreateUserRequest) => api.post<User>('/api/users', body);
export const updateUser = (id: string, body: UpdateUserRequest) => api.patch<User>(`/api/users/${seg(id)}`, body);

/** GET /api/users (admin), optionally filtered by role (`?role=proctor`) and a search of name or e-mail. */
export const listUsers = (page: number, pageSize: number, role?: Role, search?: string) =>
  api.get<Paged<User>>(
    `/api/users?page=${page}&pageSize=${pageSize}${role ? `&role=${encodeURIComponent(role)}` : ''}${search ? `&search=${encodeURIComponent(search)}` : ''}`,
  );

/** POST /api/users/{id}/password-reset (admin): a temporary password, shown once. */
export const resetPassword = (id: string) => api.post<PasswordReset>(`/api/users/${seg(id)}/password-reset`);

/** POST /api/users/import (admin): every account of the CSV, or none (400 naming `lines.N.field`). */
export const importUsers = (csv: string) => api.post<ImportUsersResponse>('/api/users/import', { csv } satisfies ImportUsersRequest);

/** POST /api/users/me/password: a fresh token for the new password. */
export const changePassword = (body: ChangePasswordRequest) => api.post<TokenResponse>('/api/users/me/password', body);

/** GET /api/proctors (teachers and admins): active proctor accounts to assign to slots. */
export const listProctors = () => api.get<ProctorSummary[]>('/api/proctors');

/** GET /api/slots/{slotId}/proctors: the proctors assigned to a slot. */
export const listSlotProctors = (slotId: string) => api.get<ProctorSummary[]>(`/api/slots/${seg(slotId)}/proctors`);

/** DELETE /api/slots/{slotId}/proctors/{proctorId}. */
export const unassignProctor = (slotId: string, proctorId: string) => api.del<void>(`/api/slots/${seg(slotId)}/proctors/${seg(proctorId)}`);

// Exams and slots
export const listExams = (page = 1, pageSize = 200) => api.get<Paged<Exam>>(`/api/exams?page=${page}&pageSize=${pageSize}`);
export const getExam = (id: string) => api.get<Exam>(`/api/exams/${seg(id)}`);
export const createExam = (body: ExamRequest) => api.post<Exam>('/api/exams', body);
export const updateExam = (id: string, body: ExamRequest) => api.put<Exam>(`/api/exams/${seg(id)}`, body);
export const publishExam = (id: string) => api.post<Exam>(`/api/exams/${seg(id)}/publish`);
export const archiveExam = (id: string) => api.del<Exam>(`/api/exams/${seg(id)}`);
export const listSlots = (examId: string) => api.get<Slot[]>(`/api/exams/${seg(examId)}/slots`);
export const addSlot = (examId: string, startsAt: string, capacity: number) => api.post<Slot>(`/api/exams/${seg(examId)}/slots`, { startsAt, capacity } satisfies SlotRequest);
export const removeSlot = (examId: string, slotId: string) => api.del<void>(`/api/exams/${seg(examId)}/slots/${seg(slotId)}`);
export const assignProctor = (slotId: string, proctorId: string) => api.post<void>(`/api/slots/${seg(slotId)}/proctors`, { proctorId } satisfies AssignProctorRequest);
export const listExamSubmissions = (examId: string, page = 1, pageSize = 200) =>
  api.get<Paged<Submission>>(`/api/exams/${seg(examId)}/submissions?page=${page}&pageSize=${pageSize}`);

// Bookings and sessions
export const book = (slotId: string) => api.post<Booking>(`/api/slots/${seg(slotId)}/bookings`);
export const myBookings = () => api.get<Booking[]>('/api/bookings/me');
export const cancelBooking = (id: string) => api.del<Booking>(`/api/bookings/${seg(id)}`);
export const startSession = (bookingId: string) => api.post<Session>(`/api/bookings/${seg(bookingId)}/session`);
export const getSession = (id: string) => api.get<Session>(`/api/sessions/${seg(id)}`);
export const saveAnswer = (sessionId: string, questionId: string, answer: AnswerValue, seq: number) =>
  api.put<void>(`/api/sessions/${seg(sessionId)}/answers/${seg(questionId)}`, { answer, seq } satisfies AnswerRequest);
export const submitSession = (id: string) => api.post<SubmitResponse>(`/api/sessions/${seg(id)}/submit`);
export const sendSignal = (id: string, type: SignalType, occurredAt: string, seq: number) =>
  api.post<void>(`/api/sessions/${seg(id)}/events`, { type, occurredAt, seq } satisfies EventRequest);
export const sendFrame = (id: string, jpeg: Blob) =>
  request<FrameResponse>('POST', `/api/sessions/${seg(id)}/frames`, { body: jpeg, contentType: 'image/jpeg' });

// Proctoring
export const listRooms = () => api.get<RoomSummary[]>('/api/proctor/rooms');
export const getRoom = (slotId: string) => api.get<RoomSnapshot>(`/api/proctor/rooms/${seg(slotId)}`);
export const getRoomReport = (slotId: string, signal?: AbortSignal) => api.get<RoomReport>(`/api/proctor/rooms/${seg(slotId)}/report`, { signal });
export const listSlotBookings = (slotId: string) => api.get<SlotBooking[]>(`/api/slots/${seg(slotId)}/bookings`);
export const listAlerts = (unacknowledged: boolean) => api.get<ProctorAlert[]>(`/api/proctor/alerts?unacknowledged=${unacknowledged}`);
export const ackAlert = (alertId: string) => api.post<void>(`/api/proctor/alerts/${seg(alertId)}/ack`);
export const listAnomalies = (sessionId: string) => api.get<Anomaly[]>(`/api/sessions/${seg(sessionId)}/anomalies`);
export const warnStudent = (sessionId: string, message: string) => api.post<void>(`/api/sessions/${seg(sessionId)}/warnings`, { message } satisfies MessageRequest);
export const terminateSession = (sessionId: string, reason: string) =>
  api.post<SubmitResponse>(`/api/sessions/${seg(sessionId)}/terminate`, { reason } satisfies TerminateRequest);
export const extendSession = (sessionId: string, minutes: number) =>
  api.post<Session>(`/api/sessions/${seg(sessionId)}/extend`, { minutes } satisfies ExtendRequest);
export const reviewSession = (sessionId: string, note: string) =>
  api.post<SessionReview>(`/api/sessions/${seg(sessionId)}/review`, { note } satisfies ReviewRequest);

/** What GET /api/sessions/{id}/live-frame answered: a new frame, the same one (304), or none (404). */
export type LiveFrameResult =
  | { kind: 'frame'; blob: Blob; etag: string; capturedAt: string; bytes: number }
  | { kind: 'same'; capturedAt: string | null }
  | { kind: 'none' };

/**
 * The latest camera frame of a session, for the room's tiles. With the ETag of the frame the tile shows, an
 * unchanged frame costs a bodiless 304. Other failures throw ApiError (403 for a room that is not the caller's).
 */
export async function fetchLiveFrame(sessionId: string, etag: string | null, signal?: AbortSignal): Promise<LiveFrameResult> {
  const headers: Record<string, string> = { Accept: 'image/jpeg, application/problem+json' };
  if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
  if (etag) headers['If-None-Match'] = etag;
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${seg(sessionId)}/live-frame`, { headers, signal: signal ?? null, cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, {});
  }
  if (response.status === 304) return { kind: 'same', capturedAt: response.headers.get('X-Captured-At') };
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) {
    if (response.status === 401) auth.expire();
    let problem: ProblemDetails = { status: response.status };
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, problem, response.status === 401);
  }
  const blob = await response.blob();
  return { kind: 'frame', blob, etag: response.headers.get('ETag') ?? '', capturedAt: response.headers.get('X-Captured-At') ?? '', bytes: blob.size };
}

/**
 * Whether `url` is a path on this origin: it starts with exactly one '/' (not '//host' or '/\host', which
 * browsers read as another host), has no whitespace, control characters or backslashes (the URL parser drops
 * tabs and newlines and turns a backslash into '/'), and still resolves to `origin`.
 */
export function isSameOriginPath(url: string, origin: string = window.location.origin): boolean {
  if (typeof url !== 'string' || !/^\/(?![/\\])/.test(url)) return false;
  if (/[\u0000-\u0020\u007f\\]/.test(url)) return false;
  try {
    const base = new URL(origin);
    return new URL(url, base).origin === base.origin;
  } catch {
    return false;
  }
}

/**
 * Fetches an evidence frame with the Authorization header (an <img src> could not send it). Only same-origin
 * paths are fetched, so the bearer token never leaves this origin whatever URL the server data holds.
 */
export async function fetchEvidence(url: string, signal?: AbortSignal): Promise<Blob> {
  if (!isSameOriginPath(url)) throw new Error('Evidence URLs must be paths on this origin.');
  const response = await request<Response>('GET', url, { raw: true, ...(signal ? { signal } : {}) });
  return response.blob();
}

// Grading
export const mySubmissions = () => api.get<Paged<Submission>>('/api/submissions/me?pageSize=200');
export const getSubmission = (id: string) => api.get<Submission>(`/api/submissions/${seg(id)}`);
export const gradeQuestion = (id: string, questionId: string, score: number, feedback: string | null, reason: string | null = null) =>
  api.put<Submission>(`/api/submissions/${seg(id)}/grades/${seg(questionId)}`, { score, feedback, reason } satisfies GradeRequest);
export const publishSubmission = (id: string) => api.post<Submission>(`/api/submissions/${seg(id)}/publish`);

// Notifications: always the caller's own (docs/notifications.md).
export const listNotifications = (page = 1, pageSize = 20) => api.get<NotificationPage>(`/api/notifications?page=${page}&pageSize=${pageSize}`);
export const markNotificationRead = (id: string) => api.post<AppNotification>(`/api/notifications/${seg(id)}/read`);
export const markAllNotificationsRead = () => api.post<UnreadCount>('/api/notifications/read-all');
export const getNotificationPreferences = () => api.get<NotificationPreferences>('/api/notifications/preferences');
export const updateNotificationPreferences = (items: NotificationPreference[]) =>
  api.put<NotificationPreferences>('/api/notifications/preferences', { items } satisfies NotificationPreferences);

// Admin: the cluster and the Orleans dashboard's cookie (docs/operations.md).
export const getCluster = () => api.get<ClusterView>('/api/admin/cluster');
export const openDashboardSession = () => api.post<void>('/api/admin/dashboard/session');

// ---- Analytics (admins)

/** GET /api/analytics/jobs: the runs, newest request first. */
export const listAnalyticsRuns = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<Paged<AnalyticsRun>>(`/api/analytics/jobs?page=${page}&pageSize=${pageSize}`, { signal });
/** POST /api/analytics/jobs/{job}/runs: one period, or with chain the job and those after it for a day. */
export const startAnalyticsRun = (job: string, body: StartAnalyticsRunRequest) =>
  api.post<AnalyticsRunStarted>(`/api/analytics/jobs/${seg(job)}/runs`, body);
/** GET /api/analytics/datasets/{job}/{period}/{dataset}: a sorted page. */
export const getDatasetPage = (query: DatasetQuery, signal?: AbortSignal) => api.get<DatasetPage>(datasetPath(query), { signal });
/** The same as CSV (the whole dataset in the query's order): the raw response, to save as a file. */
export const downloadDatasetCsv = (query: DatasetQuery) =>
  request<Response>('GET', datasetPath({ ...query, page: undefined, pageSize: undefined, format: 'csv' }), { raw: true });
/** GET /api/analytics/platform. */
export const getPlatformAnalytics = (signal?: AbortSignal) => api.get<PlatformAnalytics>('/api/analytics/platform', { signal });

/**
 * GET /health/ready with the admin's token, which adds one line per readiness check. 503 (not ready) is an
 * answer here, not an error, so this reads the body whatever the status.
 */
export const getPlatformReadiness = (signal?: AbortSignal) => api.get<PlatformReadiness>('/api/admin/readiness', { signal });

/** GET /api/analytics/exams/{id}: the exam's owner (teacher) and admins. */
export const getExamAnalytics = (id: string, signal?: AbortSignal) => api.get<ExamAnalytics>(`/api/analytics/exams/${seg(id)}`, { signal });
/** GET /api/analytics/users/{id}: the student themself and admins. */
export const getUserAnalytics = (id: string, signal?: AbortSignal) => api.get<UserAnalytics>(`/api/analytics/users/${seg(id)}`, { signal });
/** GET /api/analytics/exams/{id}/report.pdf: the exam's report as a PDF (raw response, to save as a file). */
export const downloadExamReportPdf = (id: string) => request<Response>('GET', `/api/analytics/exams/${seg(id)}/report.pdf`, { raw: true });
/** GET /api/analytics/exams/{id}/export.csv: the exam's figures as one CSV (raw response, to save as a file). */
export const downloadExamAnalyticsCsv = (id: string) => request<Response>('GET', `/api/analytics/exams/${seg(id)}/export.csv`, { raw: true });
/** GET /api/analytics/users/{id}/export.csv: a student's own figures and records as one CSV (raw response). */
export const downloadUserAnalyticsCsv = (id: string) => request<Response>('GET', `/api/analytics/users/${seg(id)}/export.csv`, { raw: true });
/** GET /api/analytics/users/{id}/report.pdf: a student's own report as a PDF (raw response, to save as a file). */
export const downloadUserReportPdf = (id: string) => request<Response>('GET', `/api/analytics/users/${seg(id)}/report.pdf`, { raw: true });
