namespace Guichet.Core.Language;

/// <summary>
/// Words that carry no subject: French and English function words (Lucene's French list, the
/// Snowball English list) and the words every help-desk message has whatever it is about.
/// </summary>
public static class StopWords
{
    public static IEnumerable<string> French => Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet.AsEnumerable()
        .Concat(["etre", "avoir", "fait", "faire", "suis", "sommes", "etes", "sont", "ete", "avez", "avons", "ont", "peux", "pouvez", "peut", "dois", "doit", "veux", "voudrais",
            "aussi", "encore", "toujours", "jamais", "rien", "tout", "tous", "toute", "toutes", "plus", "moins", "tres", "bien", "depuis", "alors", "donc", "car", "mais",
            "deja", "hier", "aujourd'hui", "demain", "matin", "soir", "jour", "jours", "semaine", "semaines", "mois", "fois", "quand", "comment", "pourquoi", "quoi",
            "quelque", "chose", "choses", "quelqu'un", "personne", "un", "une", "deux", "trois", "quatre", "cinq", "premier", "premiere", "dernier", "derniere", "prochain",
            "deuxieme", "troisieme", "quatrieme", "cinquieme", "enieme", "second", "seconde",
            "dit", "dire", "sais", "savoir", "vois", "voir", "vu", "mis", "mettre", "pris", "prendre", "donne", "donner", "chez", "sans", "avec", "fois", "vraiment", "besoin",
            "cela", "ceci", "celle", "celui", "ceux", "cette", "mes", "mon", "ma", "votre", "vos", "notre", "nos", "leur", "leurs", "vous", "nous", "moi", "toi"]);

    public static IEnumerable<string> English =>
    [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'm", "i've", "i'd", "i'll", "if", "in", "into", "is", "it", "its", "itself",
        "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "yourself", "yourselves", "still", "yet", "already", "ever", "never", "today", "yesterday", "tomorrow", "week", "weeks", "days", "day",
        "since", "ago", "also", "like", "well", "back", "even", "much", "many", "every", "around", "without", "within", "via", "per", "anyone", "someone", "something",
        "anything", "nothing", "everything", "one", "two", "three", "four", "five", "first", "last", "next", "second", "third", "fourth", "fifth", "need", "want", "know", "see", "say", "said", "tell", "told",
        "make", "made", "come", "came", "go", "went", "going", "take", "took", "give", "gave", "find", "found", "thing", "things", "way", "time", "times", "really", "able",
        "don't", "doesn't", "didn't", "can't", "won't", "isn't", "wasn't", "haven't", "hasn't", "it's", "that's", "there's", "you're", "we're", "they're", "let", "get", "got",
    ];

    /// <summary>Greetings, sign-offs and the words of any request, in both languages.</summary>
    public static IEnumerable<string> HelpDesk =>
    [
        "bonjour", "bonsoir", "salut", "slt", "madame", "monsieur", "mme", "cordialement", "salutations", "merci", "remercie", "svp", "s'il", "plait", "urgent",
        "demande", "demandes", "probleme", "problemes", "souci", "soucis", "question", "message", "messages", "mail", "mails", "email", "emails", "courriel", "reponse",
        "repondre", "service", "client", "cliente", "clients", "dossier", "nouvelles", "retour", "attente", "suite", "concernant", "sujet", "objet", "info", "informations",
        "hello", "dear", "regards", "kind", "best", "thanks", "thank", "please", "pls", "request", "issue", "issues", "problem", "problems", "reply", "answer", "response",
        "customer", "support", "team", "numero", "number", "num",
        "attends", "attend", "attendre", "attente", "attendons", "waiting", "wait", "await", "awaiting", "rappel", "relance", "reminder", "followup", "piece", "pieces", "jointe",
        "jointes", "joint", "attachment", "attached", "document", "documents", "important", "besoin", "aide", "help", "svp", "stp", "rappeler", "call", "callback", "news", "update", "case", "regarding", "matter", "sincerely", "cheers", "wrote", "write", "writing", "ecrit", "ecris", "ecrire",
    ];
}
