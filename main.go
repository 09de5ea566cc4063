// Command studyguide is a terminal study guide for the essay "Mass
// Organizations and NGOs in a Socialist Movement": read it chapter by
// chapter, search it, and print it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/fang"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"studyguide/content"
	"studyguide/seeds"
	"studyguide/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// options are the global flags.
type options struct {
	theme string
}

func main() {
	if err := fang.Execute(context.Background(), newRootCmd(),
		fang.WithVersion(version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			fmt.Fprintf(w, "studyguide: %v\n", err)
		}),
	); err != nil {
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:   "studyguide",
		Short: "A terminal study guide for “Mass Organizations and NGOs in a Socialist Movement”",
		Long: "Read the essay chapter by chapter, search it, and print it.\n" +
			"With no command, opens the chapter list.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd, opts, 0)
		},
	}
	root.PersistentFlags().StringVar(&opts.theme, "theme", string(tui.ThemeAuto), "colour theme: auto, dark or light")
	_ = root.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, t := range tui.Themes {
			names = append(names, string(t))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	root.AddCommand(newReadCmd(opts), newPrintCmd(opts))
	return root
}

func newReadCmd(opts *options) *cobra.Command {
	return &cobra.Command{
		Use:               "read [CHAPTER]",
		Short:             "Open the reader, at a chapter given by number or name",
		Example:           "  studyguide read\n  studyguide read 3\n  studyguide read institutional-isomorphism",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeChapters,
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 1
			if len(args) == 1 {
				pack, err := loadPack()
				if err != nil {
					return err
				}
				ch, err := pack.FindChapter(args[0])
				if err != nil {
					return err
				}
				n = ch.Number
			}
			return runTUI(cmd, opts, n)
		},
	}
}

func newPrintCmd(opts *options) *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "print [CHAPTER]",
		Short: "Print the essay, or one chapter, to standard output",
		Long: "Prints rendered markdown on a terminal, and plain text when the output\n" +
			"is a pipe or a file, or NO_COLOR is set.",
		Example:           "  studyguide print | less\n  studyguide print 2 --width 60",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeChapters,
		RunE: func(cmd *cobra.Command, args []string) error {
			pack, err := loadPack()
			if err != nil {
				return err
			}
			var ch *content.Chapter
			if len(args) == 1 {
				if ch, err = pack.FindChapter(args[0]); err != nil {
					return err
				}
			}
			theme, err := parseTheme(opts.theme)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			isTTY := isTerminal(out)
			if width <= 0 {
				width = 80
				if isTTY {
					if w, _, err := term.GetSize(out.(*os.File).Fd()); err == nil && w > 0 {
						width = min(w, 80)
					}
				}
			}
			po := tui.PrintOptions{Width: width, Styled: isTTY && os.Getenv("NO_COLOR") == ""}
			if po.Styled {
				po.IsDark = theme == tui.ThemeDark || theme == tui.ThemeAuto && lipgloss.HasDarkBackground(os.Stdin, os.Stdout)
				out = colorprofile.NewWriter(out, os.Environ())
			}
			return tui.Print(out, pack, ch, po)
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap width in columns (default: the terminal's, at most 80)")
	return cmd
}

func completeChapters(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	pack, err := loadPack()
	if err != nil || len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, c := range pack.Chapters {
		out = append(out, fmt.Sprintf("%d\t%s", c.Number, c.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func loadPack() (*content.Pack, error) {
	pack, err := content.Load(seeds.FS)
	if err != nil {
		return nil, fmt.Errorf("the built-in study pack is broken:\n%w", err)
	}
	return pack, nil
}

func parseTheme(s string) (tui.Theme, error) {
	for _, t := range tui.Themes {
		if strings.EqualFold(s, string(t)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown theme %q; use auto, dark or light", s)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// errNoTerminal is what an interactive command says when there is no
// terminal to draw on.
var errNoTerminal = errors.New("the reader needs a terminal; to read in a pipe or a file, use `studyguide print`")

func runTUI(cmd *cobra.Command, opts *options, chapter int) error {
	if !isTerminal(cmd.OutOrStdout()) || !isTerminal(os.Stdin) {
		return errNoTerminal
	}
	theme, err := parseTheme(opts.theme)
	if err != nil {
		return err
	}
	pack, err := loadPack()
	if err != nil {
		return err
	}
	m := tui.New(pack, tui.Options{Theme: theme, NoColor: os.Getenv("NO_COLOR") != "", Chapter: chapter})
	_, err = tea.NewProgram(m, tea.WithContext(cmd.Context())).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
