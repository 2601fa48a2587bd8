// Compile-time checks that the hand-written types in ./types.ts agree with the API's OpenAPI document.
// ./openapi.gen.ts is generated from ../../openapi/v1.json (`npm run generate:api`, run before typecheck,
// build and dev); a .NET test (OpenApiSnapshotTests) keeps that file equal to the served /openapi/v1.json.
// A line below that stops compiling names the type that drifted: fix types.ts (and its callers), or, if
// the server is wrong, the server. Nothing here exists at run time.

import type { components } from './openapi.gen';
import type * as T from './types';

type S = components['schemas'];

/** Mutually assignable: for enums and other unions. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The client can read what the server sends: the server's shape is assignable to the client's type, and
 * both name the same fields (a field the client lacks or the server dropped is drift). Nested objects
 * have their own line.
 */
type Reads<Client, Server> = [Server] extends [Client] ? Same<keyof Client, keyof Server> : false;

/** Every field optional, nested ones too: a request's missing field reads as null on the server. */
type Loose<T> = T extends readonly (infer E)[] ? Loose<E>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> } : T;

/**
 * The server accepts what the client sends: every field the client sends is a field of the request with
 * a compatible type (the server answers 400 where a missing one is required). Nested objects have their
 * own line for their field names.
 */
type Sends<Client, Server> = [keyof Client] extends [keyof Server] ? ([Client] extends [Loose<Server>] ? true : false) : false;

type Check<T extends true> = T;

/** Enums. */
export type Enums = [
  Check<Same<T.Role, S['UserRole']>>,
  Check<Same<T.QuestionType, S['QuestionType']>>,
  Check<Same<T.ExamStatus, S['ExamStatus']>>,
  Check<Same<T.BookingStatus, S['BookingStatus']>>,
  Check<Same<T.SessionStatus, S['SessionStatus']>>,
  Check<Same<T.SubmissionStatus, S['SubmissionStatus']>>,
  Check<Same<T.AnomalyType, S['AnomalyType']>>,
  Check<Same<T.Severity, S['Severity']>>,
  Check<Same<T.SignalType, S['BrowserSignalType']>>,
  Check<Same<T.AnswerValue, S['AnswerValue']>>,
  Check<Same<T.AnalyticsRunStatus, S['AnalyticsRunStatus']>>,
  Check<Same<T.AnalyticsRunTrigger, S['AnalyticsRunTrigger']>>,
];

/** Response bodies (and the hubs' RoomSnapshot, SessionLive and ProctorAlert, which REST returns too). */
export type Responses = [
  Check<Reads<T.User, S['UserView']>>,
  Check<Reads<T.TokenResponse, S['TokenResponse']>>,
  Check<Reads<T.ProctorSummary, S['ProctorSummary']>>,
  Check<Reads<T.Paged<T.User>, S['PagedResultOfUserView']>>,
  Check<Reads<T.Paged<T.Exam>, S['PagedResultOfExamView']>>,
  Check<Reads<T.Paged<T.Submission>, S['PagedResultOfSubmissionView']>>,
  Check<Reads<T.Exam, S['ExamView']>>,
  Check<Reads<T.ExamMonitoring, S['ExamMonitoring']>>,
  Check<Reads<T.Question, S['QuestionDefinition']>>,
  Check<Reads<T.ProctoringPolicy, S['ProctoringPolicy']>>,
  Check<Reads<T.Slot, S['SlotView']>>,
  Check<Reads<T.Booking, S['BookingView']>>,
  Check<Reads<T.Session, S['SessionView']>>,
  Check<Reads<T.StudentQuestion, S['StudentQuestion']>>,
  Check<Reads<T.SessionAnswer, S['SessionAnswer']>>,
  Check<Reads<T.SubmitResponse, S['SubmitResponse']>>,
  Check<Reads<T.Submission, S['SubmissionView']>>,
  Check<Reads<T.QuestionResult, S['QuestionResult']>>,
  Check<Reads<T.GradeChange, S['GradeChange']>>,
  Check<Reads<T.Anomaly, S['AnomalyResponse']>>,
  Check<Reads<T.FrameResponse, S['FrameResponse']>>,
  Check<Reads<T.SessionLive, S['SessionLiveView']>>,
  Check<Reads<T.RoomSnapshot, S['RoomSnapshot']>>,
  Check<Reads<T.SessionReview, S['SessionReview']>>,
  Check<Reads<T.SlotBooking, S['SlotBookingView']>>,
  Check<Reads<T.RoomSummary, S['RoomSummary']>>,
  Check<Reads<T.ProctorAlert, S['ProctorAlert']>>,
  Check<Reads<T.RoomReport, S['RoomReport']>>,
  Check<Reads<T.PlatformReadiness, S['PlatformReadinessView']>>,
  Check<Reads<T.SiloReadiness, S['SiloReadinessView']>>,
  Check<Reads<T.ReadinessCheck, S['ReadinessCheck']>>,
  Check<Reads<T.StudentReport, S['SessionSupervisionRecord']>>,
  Check<Reads<T.ReportAnomaly, S['AnomalyView']>>,
  Check<Reads<T.SupervisorAction, S['SupervisorAction']>>,
  Check<Reads<T.RiskPoint, S['RiskPoint']>>,
  Check<Same<T.SupervisorActionKind, S['SupervisorActionKind']>>,
  Check<Reads<T.TimeResponse, S['TimeResponse']>>,
  Check<Same<T.NotificationType, S['NotificationType']>>,
  Check<Same<T.NotificationChannel, S['NotificationChannel']>>,
  Check<Same<T.DeliveryStatus, S['DeliveryStatus']>>,
  Check<Reads<T.NotificationDelivery, S['DeliveryView']>>,
  Check<Reads<T.AppNotification, S['NotificationView']>>,
  Check<Reads<T.NotificationPage, S['NotificationPage']>>,
  Check<Reads<T.UnreadCount, S['UnreadCount']>>,
  Check<Reads<T.NotificationPreference, S['NotificationPreference']>>,
  Check<Reads<T.NotificationPreferences, S['NotificationPreferencesResponse']>>,
  Check<Same<T.ClusterSiloStatus, S['ClusterSiloStatus']>>,
  Check<Reads<T.StreamPartition, S['StreamPartitionView']>>,
  Check<Reads<T.ClusterSilo, S['SiloView']>>,
  Check<Reads<T.GrainActivations, S['GrainActivationsView']>>,
  Check<Reads<T.ClusterView, S['ClusterView']>>,
  Check<Reads<T.AnalyticsRun, S['AnalyticsRunView']>>,
  Check<Reads<T.AnalyticsDatasetRows, S['AnalyticsDatasetRows']>>,
  Check<Reads<T.Paged<T.AnalyticsRun>, S['PagedResultOfAnalyticsRunView']>>,
  Check<Reads<T.AnalyticsRunStarted, S['AnalyticsRunStarted']>>,
  Check<Same<keyof T.DatasetPage, keyof S['DatasetRows']>>,
  Check<Reads<T.PlatformAnalytics, S['PlatformAnalyticsView']>>,
  Check<Reads<T.ActivityPoint, S['ActivityPoint']>>,
  Check<Reads<T.PlatformAlert, S['PlatformAlert']>>,
  Check<Reads<T.FigureSource, S['FigureSource']>>,
  Check<Reads<T.LastRunFigures, S['LastRunFigures']>>,
  Check<Reads<T.ExamAnalytics, S['ExamAnalyticsView']>>,
  Check<Reads<T.ScoreBucket, S['ScoreBucket']>>,
  Check<Reads<T.QuestionAnalytics, S['QuestionAnalytics']>>,
  Check<Reads<T.UserAnalytics, S['UserAnalyticsView']>>,
  Check<Reads<T.ScorePoint, S['ScorePoint']>>,
  Check<Reads<T.AreaAnalytics, S['AreaAnalytics']>>,
  Check<Reads<T.CompletionBucket, S['CompletionBucket']>>,
  Check<Reads<T.StudentAnomalies, S['StudentAnomalies']>>,
  Check<Reads<T.GradingTurnaround, S['GradingTurnaround']>>,
  Check<Reads<T.RecordedAnomaly, S['RecordedAnomaly']>>,
];

/** Request bodies. */
export type Requests = [
  Check<Sends<T.LoginRequest, S['LoginRequest']>>,
  Check<Sends<T.RegisterRequest, S['RegisterRequest']>>,
  Check<Sends<T.CreateUserRequest, S['CreateUserRequest']>>,
  Check<Sends<T.ChangePasswordRequest, S['ChangePasswordRequest']>>,
  Check<Sends<T.ImportUsersRequest, S['ImportUsersRequest']>>,
  Check<Reads<T.PasswordReset, S['PasswordReset']>>,
  Check<Reads<T.ImportedUser, S['ImportedUser']>>,
  Check<Reads<T.ImportUsersResponse, S['ImportUsersResponse']>>,
  Check<Sends<T.UpdateUserRequest, S['UpdateUserRequest']>>,
  Check<Sends<T.ExamRequest, S['ExamRequest']>>,
  Check<Sends<T.Question, S['QuestionRequest']>>,
  Check<Sends<T.ProctoringPolicy, S['ProctoringPolicy']>>,
  Check<Sends<T.SlotRequest, S['SlotRequest']>>,
  Check<Sends<T.AssignProctorRequest, S['AssignProctorRequest']>>,
  Check<Sends<T.AnswerRequest, S['AnswerRequest']>>,
  Check<Sends<T.EventRequest, S['EventRequest']>>,
  Check<Sends<T.MessageRequest, S['MessageRequest']>>,
  Check<Sends<T.TerminateRequest, S['TerminateRequest']>>,
  Check<Sends<T.ExtendRequest, S['ExtendRequest']>>,
  Check<Sends<T.ReviewRequest, S['ReviewRequest']>>,
  Check<Sends<T.GradeRequest, S['GradeRequest']>>,
  Check<Sends<T.NotificationPreferences, S['NotificationPreferencesRequest']>>,
  Check<Sends<T.NotificationPreference, S['NotificationPreferenceRequest']>>,
  Check<Sends<T.StartAnalyticsRunRequest, S['StartAnalyticsRunRequest']>>,
];
