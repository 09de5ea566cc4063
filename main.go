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
	"github.com/charmbracelet/fang"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/seeds"
	"studyguide/tui"
)

// options are the global flags.
type options struct {
	pack string
	// loaded is the pack, once loaded.
	loaded  *content.Pack
	loadErr error
	theme   string
	profile string
	noSave  bool
}

func main() {
	b := thisBuild()
	if err := fang.Execute(context.Background(), newRootCmd(),
		fang.WithVersion(b.versionLine()), fang.WithCommit(b.Commit),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			fmt.Fprintf(w, "studyguide: %v\n", err)
		}),
	); err != nil {
		os.Exit(exitCode(err))
	}
}

func newRootCmd() *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:   "studyguide",
		Short: "A terminal study guide for “Mass Organizations and NGOs in a Socialist Movement”",
		Long: "Read the essay chapter by chapter with its glossary, quiz yourself on scenarios,\n" +
			"prepare and run a reading group's meeting (plan, presenter), and keep notes.\n" +
			"With no command, opens the chapter list; --pack DIR opens another reading.",
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd, opts, 0)
		},
		SilenceUsage: true, // an error is one line, not the usage again
	}
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().StringVar(&opts.pack, "pack", "", "open the study pack in this directory instead of the built-in essay")
	root.PersistentFlags().StringVar(&opts.theme, "theme", string(tui.ThemeAuto), "colour theme: auto, dark or light")
	root.PersistentFlags().StringVar(&opts.profile, "profile", "", "keep progress and notes under this name (a shared computer, a facilitator)")
	root.PersistentFlags().BoolVar(&opts.noSave, "no-save", false, "save nothing: no progress, no notes")
	_ = root.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, t := range tui.Themes {
			names = append(names, string(t))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	root.AddCommand(newReadCmd(opts), newPrintCmd(opts), newQuizCmd(opts), newGlossaryCmd(opts), newPlanCmd(opts), newMapCmd(opts), newPresentCmd(opts), newServeCmd(opts), newExportCmd(opts), newPackCmd())
	return root
}

func completeChapters(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	o := &options{}
	if f := cmd.Flag("pack"); f != nil {
		o.pack = f.Value.String()
	}
	pack, err := o.loadPack()
	if err != nil || len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, c := range pack.Chapters {
		out = append(out, fmt.Sprintf("%d\t%s", c.Number, c.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// chapterArg is the chapter named by an optional CHAPTER argument (a
// number, a name or the start of one), or def when there is none.
func (o *options) chapterArg(args []string, def int) (int, error) {
	if len(args) == 0 {
		return def, nil
	}
	pack, err := o.loadPack()
	if err != nil {
		return 0, err
	}
	ch, err := pack.FindChapter(args[0])
	if err != nil {
		return 0, err
	}
	return ch.Number, nil
}

// loadPack is the built-in essay, loaded once per process from its compiled
// form. The pack is never changed after loading.
var loadPack = seeds.Pack

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
	return runTUIWith(cmd, opts, tui.Options{Chapter: chapter}, errNoTerminal.Error())
}

// runTUIWith runs the full-screen program with the global options added to
// to; noTerminal is the message when there is no terminal to draw on.
func runTUIWith(cmd *cobra.Command, opts *options, to tui.Options, noTerminal string) error {
	if !isTerminal(cmd.OutOrStdout()) || !isTerminal(os.Stdin) {
		return errors.New(noTerminal)
	}
	theme, err := parseTheme(opts.theme)
	if err != nil {
		return err
	}
	// The built-in essay comes whole, glossary included, from its compiled
	// form (seeds.Pack); an outside pack is loaded and checked whole.
	pack, err := opts.loadPack()
	if err != nil {
		return err
	}
	var (
		store  *progress.Store
		st     = progress.New()
		notice string
	)
	// The presenter never touches personal progress; with --profile it
	// keeps its place under that name.
	if !to.Present || opts.profile != "" {
		store, st, notice, err = progress.Open(progress.Options{Pack: pack.Meta.ID, Profile: opts.profile, NoSave: opts.noSave})
		if err != nil {
			return err
		}
	}
	if !cmd.Flags().Changed("theme") && st.Theme != "" {
		theme, _ = parseTheme(st.Theme) // the theme last chosen with t
	}
	to.Theme, to.NoColor = theme, os.Getenv("NO_COLOR") != ""
	to.Progress, to.Store, to.Profile, to.Notice = st, store, opts.profile, notice
	m := tui.New(pack, to)
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
		m.Prepare(w) // the first screen's rendering, while Bubble Tea starts
	}
	settleMemory()
	final, err := tea.NewProgram(m, tea.WithContext(cmd.Context()), tea.WithColorProfile(stdoutProfile()), tea.WithFPS(frameRate)).Run()
	if fm, ok := final.(tui.Model); ok {
		st = fm.Progress()
	}
	return afterRun(err, store, st, cmd.ErrOrStderr())
}

// errCrashed ends a run that panicked: Bubble Tea has restored the terminal
// and printed the trace; this line says what happened to the reader's work
// and where to take the trace. The exit status is not 0.
var errCrashed = errors.New("crashed on a bug; please report it, with the lines above, to whoever gave you studyguide or to its developers")

// afterRun saves the progress once the program has ended, however it
// ended: after a crash too, since the progress is kept up to date as the
// reader goes (the program's state is gone, but st is the same value it
// changed).
func afterRun(runErr error, store *progress.Store, st *progress.State, stderr io.Writer) error {
	saved := ""
	if store != nil {
		if serr := store.Save(st); serr != nil && store.Off() == nil {
			fmt.Fprintf(stderr, "studyguide: your progress could not be saved: %v\n", serr)
		} else if serr == nil && store.Path() != "" {
			saved = " (your progress was saved first)"
		}
	}
	switch {
	case errors.Is(runErr, tea.ErrProgramPanic):
		return fmt.Errorf("%w%s", errCrashed, saved)
	case errors.Is(runErr, tea.ErrProgramKilled) || errors.Is(runErr, context.Canceled):
		return nil
	}
	return runErr
}
