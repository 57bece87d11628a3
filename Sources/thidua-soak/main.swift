print("thidua-soak")
