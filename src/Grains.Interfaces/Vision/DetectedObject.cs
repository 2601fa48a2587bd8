namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>A forbidden object found by the optional object detector.</summary>
/// <param name="ClassId">COCO class id (0 person, 63 laptop, 67 phone, 73 book).</param>
/// <param name="Label">The class name.</param>
/// <param name="Score">Detector confidence, 0–1.</param>
/// <param name="Box">Where it is.</param>
[GenerateSerializer, Immutable, Alias("pw.detected-object")]
public sealed record class DetectedObject(int ClassId, string Label, float Score, BoundingBox Box);
