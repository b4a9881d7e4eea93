/**
 * The command table: adding a command is one entry here plus its module. Order is the order
 * of the overall help.
 */
import type { Command } from '../command.js';
import { analyse } from './analyse.js';
import { begrippen } from './begrippen.js';
import { evidenceCmd } from './bewijs.js';
import { explain } from './explain.js';
import { exportCmd } from './export.js';
import { importCmd } from './import.js';
import { initRegion } from './init-regio.js';
import { meldingen } from './meldingen.js';
import { projectie } from './projectie.js';
import { render } from './render.js';
import { report } from './report.js';
import { schema } from './schema.js';
import { start } from './start.js';
import { validate } from './validate.js';
import { workshop } from './workshop.js';
import { compareScenarios } from './vergelijk.js';

export const COMMANDS: readonly Command[] = [start, validate, analyse, evidenceCmd, explain, render, report, compareScenarios, projectie, workshop, exportCmd, importCmd, initRegion, schema, begrippen, meldingen];
