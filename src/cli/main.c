/* main.c: safar's entry point: find the command and hand it argv. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/suggest.h"

#ifndef SAFAR_VERSION
#define SAFAR_VERSION "0.1.0"
#endif

static const sf_cmd *const commands[] = { &sf_cmd_build, &sf_cmd_check, &sf_cmd_coverage, &sf_cmd_dump, &sf_cmd_explain, &sf_cmd_init, &sf_cmd_list, &sf_cmd_sms, &sf_cmd_translate };
#define NCOMMANDS SF_NELEM(commands)

static void help(void)
{
	puts("usage: safar COMMAND [options]\n"
	     "Compile labour-migration orientation content into handbooks, checklists,\n"
	     "SMS snippets and trainers' packs, and check it is complete and current.\n\n"
	     "commands:");
	for (size_t i = 0; i < NCOMMANDS; i++)
		printf("  %-10s %s\n", commands[i]->name, commands[i]->summary);
	puts("\n'safar COMMAND --help' shows a command's options; 'man safar' the manual.");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		help();
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		help();
		return EXIT_CLEAN;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		puts("safar " SAFAR_VERSION);
		return EXIT_CLEAN;
	}
	const char *names[NCOMMANDS];
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i]->run(argc - 1, argv + 1);
		names[i] = commands[i]->name;
	}
	const char *near = sf_suggest(name, names, NCOMMANDS);
	if (near)
		return sf_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
	return sf_usage_error(NULL, "unknown command '%s'", name);
}
