namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>Which vision checks this silo can run, and why not.</summary>
/// <param name="FaceCheck">Face detection availability.</param>
/// <param name="FaceDetail">The model in use, or how to get it when missing.</param>
/// <param name="ObjectCheck">Object detection availability.</param>
/// <param name="ObjectDetail">The model in use, or why it is off.</param>
[GenerateSerializer, Immutable, Alias("pw.vision-status")]
public sealed record class VisionStatus(CheckStatus FaceCheck, string FaceDetail, CheckStatus ObjectCheck, string ObjectDetail);
