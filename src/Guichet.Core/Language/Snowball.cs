using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Guichet.Core.Language;

/// <summary>
/// A lower-case word's French and English stems (Lucene.Net's Snowball stemmers, accents folded
/// after stemming), for every reader of words: both run because customers mix languages and a
/// short message says too little to tell which one it is in. One stemmer of each per thread.
/// </summary>
internal static class Snowball
{
    [ThreadStatic] private static FrenchStemmer? french;
    [ThreadStatic] private static EnglishStemmer? english;

    public static (string French, string English) Stems(string lower) =>
        (StemmedText.Fold(Stem(french ??= new FrenchStemmer(), lower)), StemmedText.Fold(Stem(english ??= new EnglishStemmer(), lower)));

    private static string Stem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
