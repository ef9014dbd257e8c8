process.stdout.write('placeholder\n');
