console.log("addin build: not yet");
