namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>A detected face.</summary>
/// <param name="Box">The face box.</param>
/// <param name="Score">Detector confidence, 0–1.</param>
/// <param name="Keypoints">Right eye, left eye, nose tip, mouth, right ear tragion, left ear tragion.</param>
/// <param name="Yaw">
/// Head-turn proxy from the keypoints: about 0 facing the camera, growing towards ±1 as the head turns
/// (sign = direction). See docs/proctoring.md.
/// </param>
[GenerateSerializer, Immutable, Alias("pw.face-detection")]
public sealed record class FaceDetection(BoundingBox Box, float Score, IReadOnlyList<Keypoint> Keypoints, float Yaw);
