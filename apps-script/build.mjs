console.log("gas build: not yet");
