import { axeSuite } from './axe-suite.ts';

axeSuite(0);
