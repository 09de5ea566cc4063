package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"studyguide/content"
)

func newGlossaryCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "glossary [TERM]",
		Short: "List the glossary, or print one entry",
		Long: "Without a term, lists every glossary entry with its kind and the chapters\n" +
			"it appears in. With a term (any case; plural, quoted or hyphenated forms\n" +
			"accepted), prints its definition in the essay's sense.",
		Example: "  studyguide glossary\n  studyguide glossary \"institutional isomorphism\"\n  studyguide glossary 501c4 --json",
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			pack, err := opts.loadPack()
			if err != nil || len(args) > 0 || pack.Glossary == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, t := range pack.Glossary.Terms {
				out = append(out, t.Term)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			pack, err := opts.loadPack()
			if err != nil {
				return err
			}
			g := pack.Glossary
			if g == nil {
				return fmt.Errorf("this pack has no glossary")
			}
			out := cmd.OutOrStdout()
			if len(args) == 0 {
				if asJSON {
					return writeJSON(out, glossaryList(g))
				}
				return printGlossaryList(out, g, textWidth(out))
			}
			q := strings.Join(args, " ")
			t, ok := g.Lookup(q)
			if !ok {
				msg := fmt.Sprintf("%q is not in the glossary", q)
				if s := g.Suggest(q); len(s) > 0 {
					msg += "; did you mean " + quoteList(s) + "?"
				} else {
					msg += "; `studyguide glossary` lists every term"
				}
				return fmt.Errorf("%s", msg)
			}
			if asJSON {
				return writeJSON(out, glossaryEntry(t))
			}
			return printGlossaryEntry(out, t, textWidth(out))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	return cmd
}

// textWidth is the width to wrap text printed to out: the terminal's, at
// most 80 columns, or 80 in a pipe.
func textWidth(out io.Writer) int {
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
			return min(w, 80)
		}
	}
	return 80
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " or " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

type jsonChapter struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
}

type jsonTermSummary struct {
	Term     string        `json:"term"`
	Kind     string        `json:"kind"`
	Chapters []jsonChapter `json:"chapters"`
}

type jsonTerm struct {
	Term       string        `json:"term"`
	Variants   []string      `json:"variants"`
	Kind       string        `json:"kind"`
	Definition string        `json:"definition"`
	Outside    string        `json:"outside,omitempty"`
	Related    []string      `json:"related"`
	First      string        `json:"first_paragraph"`
	Chapters   []jsonChapter `json:"chapters"`
}

func chaptersOf(t *content.Term) []jsonChapter {
	out := []jsonChapter{}
	for _, c := range t.Chapters() {
		out = append(out, jsonChapter{c.Number, c.Title})
	}
	return out
}

func glossaryList(g *content.Glossary) []jsonTermSummary {
	out := make([]jsonTermSummary, 0, len(g.Terms))
	for _, t := range g.Terms {
		out = append(out, jsonTermSummary{t.Term, t.Kind, chaptersOf(t)})
	}
	return out
}

func glossaryEntry(t *content.Term) jsonTerm {
	return jsonTerm{
		Term: t.Term, Variants: append([]string{}, t.Variants...), Kind: t.Kind,
		Definition: t.Definition, Outside: t.Outside, Related: append([]string{}, t.Related...),
		First: t.First, Chapters: chaptersOf(t),
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func chapterNumbers(t *content.Term) string {
	var n []string
	for _, c := range t.Chapters() {
		n = append(n, fmt.Sprint(c.Number))
	}
	return strings.Join(n, ", ")
}

func printGlossaryList(w io.Writer, g *content.Glossary, width int) error {
	col := 0
	for _, t := range g.Terms {
		col = max(col, ansi.StringWidth(t.Term))
	}
	col = min(col, width/2)
	var b strings.Builder
	fmt.Fprintf(&b, "%d terms. `studyguide glossary TERM` prints one.\n\n", len(g.Terms))
	fmt.Fprintf(&b, "%-*s  %-12s  %s\n", col, "TERM", "KIND", "CHAPTERS")
	for _, t := range g.Terms {
		name := ansi.Truncate(t.Term, col, "…")
		fmt.Fprintf(&b, "%s%s  %-12s  %s\n", name, strings.Repeat(" ", col-ansi.StringWidth(name)), t.Kind, chapterNumbers(t))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func printGlossaryEntry(w io.Writer, t *content.Term, width int) error {
	var b strings.Builder
	para := func(label, text string) {
		if label != "" {
			b.WriteString(label + "\n")
		}
		b.WriteString(ansi.Wordwrap(strings.Join(strings.Fields(text), " "), width, "") + "\n\n")
	}
	fmt.Fprintf(&b, "%s (%s)\n\n", t.Term, t.Kind)
	para("", t.Definition)
	if t.Outside != "" {
		para("Outside the essay:", t.Outside)
	}
	if len(t.Variants) > 0 {
		para("", "Also written: "+strings.Join(t.Variants, "; ")+".")
	}
	if len(t.Related) > 0 {
		para("", "Related: "+strings.Join(t.Related, "; ")+".")
	}
	var chs []string
	for _, c := range t.Chapters() {
		chs = append(chs, fmt.Sprintf("%d. %s", c.Number, c.Title))
	}
	if len(chs) > 0 {
		b.WriteString("Appears in:\n")
		for _, c := range chs {
			b.WriteString("  " + ansi.Truncate(c, width-2, "…") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
