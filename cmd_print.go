package main

import (
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"studyguide/content"
	"studyguide/tui"
)

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
			pack, err := opts.loadPack()
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
				profile := stdoutProfile()
				if out != os.Stdout {
					profile = colorprofile.Detect(out, os.Environ())
				}
				out = &colorprofile.Writer{Forward: out, Profile: profile}
				if theme == tui.ThemeAuto {
					return printInTerminalTheme(out, pack, ch, po)
				}
				po.IsDark = theme == tui.ThemeDark
			}
			return tui.Print(out, pack, ch, po)
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap width in columns (default: the terminal's, at most 80)")
	return cmd
}
