package content

// Limits on a pack. A pack is untrusted input: these keep loading one quick
// and small whatever it holds, with room to spare for a real reading (the
// built-in essay is 43 KB of markdown and its largest file 113 KB). Each is
// checked before the work it protects, so an oversized file is refused
// without being read whole, and a file that would make a parser slow is
// refused before it is parsed.
//
// A pack is pack.yaml and at most the six files it may name (article,
// source, glossary, quiz, scenarios, guide): nothing else is opened, and the
// directory is never listed, so no more than seven files are read.
const (
	MaxMetaBytes    = 64 << 10 // pack.yaml
	MaxArticleBytes = 1 << 20  // the article and the source text: about 170,000 words each
	MaxYAMLBytes    = 1 << 20  // glossary, quiz, scenarios and guide, each

	MaxLines     = 50_000   // lines in any file
	MaxLineBytes = 16 << 10 // bytes in any line (the essay's longest paragraph is 1.6 KB)
	MaxTextBytes = 16 << 10 // bytes in any one YAML text

	// MaxNesting bounds how deep YAML nests ([ and { inside each other, or
	// "- - -" on one line) and how many quote and list markers an article
	// line opens with; MaxIndent bounds an article line's indentation, in
	// columns. Parsers' time grows much faster than the file on deeper input.
	MaxNesting = 16
	MaxIndent  = 32
	// MaxFlowItems bounds the items of all [..] and {..} lists in a YAML
	// file together.
	MaxFlowItems = 50_000
	// MaxBrackets bounds the "[" in an article (links, images, bracketed
	// words) and MaxEmphasis its "*", "_", "`" and "~": markdown parsers
	// slow down on long runs of them.
	MaxBrackets = 5_000
	MaxEmphasis = 20_000

	MaxChapters      = 200
	MaxGlossaryTerms = 2_000
	MaxVariants      = 20 // variants, and related terms, of one glossary entry
	MaxScenarios     = 2_000
	MaxSigns         = 100 // signs, and principles, of a quiz
	MaxMeetings      = MaxChapters
	MaxGuideItems    = 50 // summary bullets, and questions, of one chapter

	// maxTextProblems is how many lines with forbidden characters one file
	// reports before summing up the rest.
	maxTextProblems = 20
)
