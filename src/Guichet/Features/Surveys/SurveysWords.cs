namespace Guichet.Features.Surveys;

/// <summary>Names the words of Surveys's pages: SurveysWords.resx (French) and SurveysWords.en.resx (English), read through IStringLocalizer&lt;SurveysWords&gt;.</summary>
public sealed class SurveysWords;
